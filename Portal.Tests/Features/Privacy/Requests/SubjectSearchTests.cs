using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Decisions.Log;
using Portal.Features.Feedback.Tickets;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>What counts as a person's data: the user id at the configured path in any context object, as Rank received it.</summary>
public class SubjectSearchTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static string NewUser() => "user-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Decisions_of_every_loop_are_counted_and_a_longer_id_that_starts_the_same_is_someone_else()
    {
        var (first, firstApi) = await factory.CreateLoopAsync();
        var (second, secondApi) = await factory.CreateLoopAsync();
        var user = NewUser();
        await firstApi.RankForAsync(user);
        await firstApi.RankForAsync(user);
        await secondApi.RankForAsync(user);
        await firstApi.RankForAsync(user + "0");
        await firstApi.RankForAsync(null);

        var found = await factory.FindAsync(user);

        Assert.Equal(3, found.CountOf(SubjectDecisions.Kind));
        var decisions = found.Counts.Single(c => c.Kind == SubjectDecisions.Kind);
        Assert.Contains($"{first} (2)", decisions.Detail);
        Assert.Contains($"{second} (1)", decisions.Detail);
        Assert.False(found.NothingHeld);
    }

    [Fact]
    public async Task The_id_is_found_in_any_context_object_under_a_contextFeatures_key_of_any_case()
    {
        var (_, api) = await factory.CreateLoopAsync();
        var user = NewUser();
        await api.RankForAsync(null, body => body["contextFeatures"]!.AsArray().Add(new JsonObject { ["_userId"] = user }));
        await api.RankForAsync(null, body =>
        {
            body["ContextFeatures"] = body["contextFeatures"]!.DeepClone();
            body.Remove("contextFeatures");
            body["ContextFeatures"]![0]!["_userId"] = user;
        });

        Assert.Equal(2, (await factory.FindAsync(user)).CountOf(SubjectDecisions.Kind));
    }

    [Fact]
    public async Task A_numeric_id_matches_the_number_and_the_string_and_the_id_elsewhere_in_the_request_does_not_count()
    {
        var (_, api) = await factory.CreateLoopAsync();
        var number = Random.Shared.NextInt64(1_000_000_000, 9_000_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await api.RankForAsync(null, body => body["contextFeatures"]![0]!["_userId"] = long.Parse(number, System.Globalization.CultureInfo.InvariantCulture));
        await api.RankForAsync(number);
        // Not the user-id feature: an action's feature, and a context feature of another name.
        await api.RankForAsync(null, body =>
        {
            body["actions"]![0]!["features"]![0]!["_userId"] = number;
            body["contextFeatures"]![0]!["user"]!["id"] = number;
        });

        Assert.Equal(2, (await factory.FindAsync(number)).CountOf(SubjectDecisions.Kind));
        Assert.True((await factory.FindAsync(number + ".0")).NothingHeld);
    }

    [Fact]
    public async Task Tickets_about_the_users_decisions_are_found_with_their_contact_addresses()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var user = NewUser();
        var eventId = await api.RankForAsync(user);
        var other = await api.RankForAsync(NewUser());
        await factory.TicketAboutAsync(loopId, eventId, "This suggestion was creepy.", "jane@example.com");
        await factory.TicketAboutAsync(loopId, eventId, "And this one too, honestly.");
        await factory.TicketAboutAsync(loopId, other, "Someone else's feedback.", "joe@example.com");

        var found = await factory.FindAsync(user);

        Assert.Equal(2, found.CountOf(SubjectTickets.Kind));
        Assert.Equal(1, found.CountOf(SubjectTickets.EmailsKind));
    }

    [Fact]
    public async Task An_opted_out_users_entries_are_found_and_their_opted_out_decisions_hold_nothing_about_them()
    {
        var (loopId, api) = await factory.CreateLoopAsync();
        var user = NewUser();
        await factory.Services.GetRequiredService<Portal.Features.Privacy.OptOutRegistry>()
            .OptOutAsync(loopId, user, Portal.Data.Entities.OptOutSource.Api, Actor.System, CancellationToken.None);
        await api.RankForAsync(user);

        var found = await factory.FindAsync(user);

        Assert.Equal(1, found.CountOf(SubjectSearch.OptOutsKind));
        Assert.Equal(0, found.CountOf(SubjectDecisions.Kind));
    }

    [Fact]
    public async Task Nothing_is_held_about_an_unknown_id_and_only_an_administrator_may_look()
    {
        Assert.True((await factory.FindAsync(NewUser())).NothingHeld);
        var owner = TestActors.Person("owner-id", "owner@test.local", PortalRoles.ProductOwner);

        await Assert.ThrowsAsync<ForbiddenException>(() => factory.FindAsync("anyone", owner));
    }
}

/// <summary>Finding a data subject with PostgreSQL's jsonb functions.</summary>
[Trait("Category", "Postgres")]
public sealed class SubjectSearchOnPostgresTests(PostgresPortalAppFactory factory) : SubjectSearchTests(factory), IClassFixture<PostgresPortalAppFactory>;
