using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Feedback;
using Portal.Features.Feedback.Intake;
using Portal.Features.Feedback.Public;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Feedback.Intake;

public class TicketIntakeTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task The_same_text_from_the_same_source_within_ten_minutes_adds_to_one_ticket_and_every_sender_keeps_a_working_link()
    {
        var intake = IntakeAt(clock);
        var text = Unique("The suggestion was unfair to me");

        var first = await intake.SubmitAsync(Post(text, "198.51.100.1"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(9));
        var second = await intake.SubmitAsync(Post("  " + text.ToUpperInvariant().Replace(" ", "\n  ") + " ", "198.51.100.1"), CancellationToken.None);

        Assert.Equal(first.Reference, second.Reference);
        Assert.True(second.Repeated);
        var ticket = Assert.Single(await factory.TicketsWithAsync(text));
        Assert.Equal(2, ticket.SubmissionCount);
        Assert.NotEqual(first.StatusToken, second.StatusToken);
        var statuses = factory.Services.GetRequiredService<TicketStatusQueries>();
        Assert.Equal(first.Reference, (await statuses.FindAsync(first.StatusToken, CancellationToken.None))!.Reference);
        Assert.Equal(first.Reference, (await statuses.FindAsync(second.StatusToken, CancellationToken.None))!.Reference);
        Assert.Contains(await HistoryAsync(ticket.Id), h => h.Change == TicketChange.SubmittedAgain && h.Detail.Contains("2 times in total"));
    }

    [Fact]
    public async Task The_same_text_from_another_source_or_after_the_window_opens_its_own_ticket()
    {
        var intake = IntakeAt(clock);
        var text = Unique("Wrong price shown");

        var first = await intake.SubmitAsync(Post(text, "198.51.100.2"), CancellationToken.None);
        var otherSource = await intake.SubmitAsync(Post(text, "198.51.100.3"), CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var later = await intake.SubmitAsync(Post(text, "198.51.100.2"), CancellationToken.None);

        Assert.Equal(3, new[] { first.Reference, otherSource.Reference, later.Reference }.Distinct().Count());
        Assert.All(await factory.TicketsWithAsync(text), t => Assert.Equal(1, t.SubmissionCount));
    }

    [Fact]
    public async Task Identical_posts_at_the_same_moment_make_one_ticket_with_their_count()
    {
        var intake = factory.Services.GetRequiredService<TicketIntake>();
        var text = Unique("Spam spam spam");

        var receipts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => intake.SubmitAsync(Post(text, "198.51.100.4"), CancellationToken.None))));

        Assert.Single(receipts.Select(r => r.Reference).Distinct());
        Assert.Equal(8, Assert.Single(await factory.TicketsWithAsync(text)).SubmissionCount);
    }

    [Theory]
    [InlineData(FeedbackCategory.UnfairOrBiased, "P2", 24)]
    [InlineData(FeedbackCategory.PrivacyConcern, "P2", 24)]
    [InlineData(FeedbackCategory.Offensive, "P2", 24)]
    [InlineData(FeedbackCategory.WrongInformation, "P3", 72)]
    [InlineData(FeedbackCategory.Other, "P3", 72)]
    [InlineData(FeedbackCategory.Irrelevant, "P4", 168)]
    public async Task A_new_ticket_gets_the_priority_of_its_category_and_is_due_after_the_SLA_of_that_priority(
        FeedbackCategory category, string priority, int hours)
    {
        var text = Unique("Priority check");

        await IntakeAt(clock).SubmitAsync(Post(text, "198.51.100.5", category), CancellationToken.None);

        var ticket = Assert.Single(await factory.TicketsWithAsync(text));
        Assert.Equal(priority, ticket.Priority.ToString());
        Assert.Equal(clock.GetUtcNow().AddHours(hours), ticket.DueAt);
        Assert.Equal(TicketStatus.New, ticket.Status);
    }

    [Fact]
    public async Task The_client_address_is_not_stored_only_a_keyed_hash_of_it()
    {
        var text = Unique("Privacy please");

        await factory.SubmitAsync(text, source: "192.0.2.77");

        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var row = await db.FeedbackTickets.AsNoTracking().SingleAsync(t => t.Message == text);
        Assert.DoesNotContain("192.0.2.77", System.Text.Json.JsonSerializer.Serialize(row));
        Assert.Equal(64, row.SourceHash.Length);
    }

    private TicketIntake IntakeAt(TimeProvider time) => ActivatorUtilities.CreateInstance<TicketIntake>(factory.Services, time);

    private static FeedbackSubmission Post(string text, string source, FeedbackCategory category = FeedbackCategory.UnfairOrBiased) =>
        new(category, text, null, false, null, IPAddress.Parse(source));

    private async Task<List<TicketHistoryEntry>> HistoryAsync(long ticketId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.TicketHistory.AsNoTracking().Where(h => h.TicketId == ticketId).ToListAsync();
    }

    private static string Unique(string text) => text + " #" + Guid.NewGuid().ToString("N")[..8];
}

/// <summary>The feedback intake writer on PostgreSQL.</summary>
[Trait("Category", "Postgres")]
public sealed class TicketIntakeOnPostgresTests(PostgresPortalAppFactory factory) : TicketIntakeTests(factory), IClassFixture<PostgresPortalAppFactory>;
