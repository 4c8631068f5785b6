using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>The list of unfinished erasures for automation: a given-up one is seen, run again and completes; the refusals.</summary>
public sealed class PendingErasuresApiTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string Route = "/api/v1/privacy/erasures";

    private static string NewUser() => "erasures-api-" + Guid.NewGuid().ToString("N")[..8];

    private Task<HttpClient> AdminAsync() => factory.TokenClientAsync("erasures-api-admin@test.local", PortalRoles.Admin);

    private async Task<PendingErasure> RecordAsync(string userId, int failedRuns, DateTimeOffset? givenUpAt, string? lastError)
    {
        var row = new PendingErasure
        {
            UserId = userId, RequestedById = "someone-id", RequestedByName = "someone@test.local", RequestedAt = DateTimeOffset.UtcNow.AddHours(-1),
            ClaimedUntil = DateTimeOffset.UtcNow.AddMinutes(givenUpAt is null ? 10 : -10), FailedRuns = failedRuns, GivenUpAt = givenUpAt, LastError = lastError,
        };
        await using var db = await factory.DbAsync();
        db.PendingErasures.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    private static async Task<JsonElement> ListedAsync(HttpClient client, long id)
    {
        var list = await client.GetFromJsonAsync<JsonElement>(Route);
        return list.EnumerateArray().SingleOrDefault(e => e.GetProperty("id").GetInt64() == id);
    }

    [Fact]
    public async Task A_given_up_erasure_is_listed_by_hash_with_its_error_and_run_again_to_its_end()
    {
        var (loopId, loop) = await factory.CreateLoopAsync();
        var user = NewUser();
        await loop.RankForAsync(user);
        await loop.RankForAsync(NewUser());
        var row = await RecordAsync(user, BackgroundErasures.MaxRuns, DateTimeOffset.UtcNow.AddMinutes(-10), "SQLite Error 13: 'database or disk is full'.");
        var admin = await AdminAsync();

        var body = await admin.GetStringAsync(Route);
        var listed = await ListedAsync(admin, row.Id);
        Assert.Equal("givenUp", listed.GetProperty("state").GetString());
        Assert.Equal(5, listed.GetProperty("failedRuns").GetInt32());
        Assert.Equal("SQLite Error 13: 'database or disk is full'.", listed.GetProperty("lastError").GetString());
        Assert.Equal(factory.Services.GetRequiredService<DataSubjects>().Of(SubjectQuery.ByUserId(user)).UserHash, listed.GetProperty("userIdHash").GetString());
        Assert.DoesNotContain(user, body);

        var again = await admin.PostAsync($"{Route}/{row.Id}/run-again", null);

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal("Running again.", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        await Eventually.TrueAsync(async () => (await ListedAsync(admin, row.Id)).ValueKind == JsonValueKind.Undefined);
        Assert.Single(await factory.EventIdsAsync(loopId));
    }

    [Fact]
    public async Task Only_a_given_up_erasure_runs_again_and_unknown_ones_are_answered_in_the_error_shape()
    {
        var waiting = await RecordAsync(NewUser(), failedRuns: 2, givenUpAt: null, lastError: "timeout");
        var admin = await AdminAsync();

        var conflict = await admin.PostAsync($"{Route}/{waiting.Id}/run-again", null);
        var unknownRun = await admin.PostAsync($"{Route}/987654321/run-again", null);
        var unknownCancel = await admin.DeleteAsync($"{Route}/987654321");

        Assert.Equal((HttpStatusCode.Conflict, "Conflict"), (conflict.StatusCode, (await conflict.ReadErrorAsync()).Code));
        Assert.Contains("is not given up", (await conflict.ReadErrorAsync()).Message);
        Assert.Equal("waiting", (await ListedAsync(admin, waiting.Id)).GetProperty("state").GetString());
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFound"), (unknownRun.StatusCode, (await unknownRun.ReadErrorAsync()).Code));
        Assert.Equal((HttpStatusCode.NotFound, "ResourceNotFound"), (unknownCancel.StatusCode, (await unknownCancel.ReadErrorAsync()).Code));

        var cancelled = await admin.DeleteAsync($"{Route}/{waiting.Id}");

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("Cancelled: it will not run again.", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("message").GetString());
        await using var db = await factory.DbAsync();
        Assert.False(await db.PendingErasures.AnyAsync(e => e.Id == waiting.Id));
    }

    [Fact]
    public async Task A_token_without_the_admin_role_is_refused_and_nothing_changes()
    {
        var row = await RecordAsync(NewUser(), BackgroundErasures.MaxRuns, DateTimeOffset.UtcNow.AddMinutes(-10), "timeout");
        var reviewer = await factory.TokenClientAsync("erasures-api-reviewer@test.local", PortalRoles.ComplianceReviewer);

        foreach (var request in new[] { new HttpRequestMessage(HttpMethod.Get, Route), new HttpRequestMessage(HttpMethod.Post, $"{Route}/{row.Id}/run-again"),
                     new HttpRequestMessage(HttpMethod.Delete, $"{Route}/{row.Id}") })
        {
            var response = await reviewer.SendAsync(request);
            Assert.Equal((HttpStatusCode.Forbidden, "Forbidden"), (response.StatusCode, (await response.ReadErrorAsync()).Code));
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(Route)).StatusCode);
        await using var db = await factory.DbAsync();
        Assert.NotNull((await db.PendingErasures.AsNoTracking().SingleAsync(e => e.Id == row.Id)).GivenUpAt);
        await db.PendingErasures.Where(e => e.Id == row.Id).ExecuteDeleteAsync();
    }
}
