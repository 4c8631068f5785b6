using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions.Retention;
using Portal.Features.Feedback;
using Portal.Features.Insights.Aggregation;
using Portal.Features.Loops;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Feedback;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Features.Insights.Aggregation.InsightData;

namespace Portal.Tests.Features.Decisions.Retention;

/// <summary>
/// A loop's history for the retention tests, seen from a fixed moment (half past an hour, so the cutoff falls inside an
/// hour): decisions written straight into the database at given ages, aggregated by the real aggregator, and feedback
/// tickets sent about some of them through the real intake.
/// </summary>
internal sealed class RetentionData(PortalAppFactory factory)
{
    public FakeTimeProvider Clock { get; } = new(HalfPastAnHourAgo());

    public DateTimeOffset Now => Clock.GetUtcNow();

    public async Task<string> LoopAsync(int retentionDays)
    {
        var (loopId, _) = await factory.CreateLoopAsync(LoopSettings.Default with { LogRetentionDays = retentionDays, RewardWaitTime = TimeSpan.FromSeconds(1) });
        return loopId;
    }

    public LoopRuntime Loop(string loopId) => factory.Services.GetRequiredService<LoopDirectory>().Find(loopId)!;

    /// <summary>The trainer lease as this node holds it (once its first round is done), or as a node that never took it.</summary>
    public async Task<TrainerLease> LeaseAsync(bool held)
    {
        if (!held) return ActivatorUtilities.CreateInstance<TrainerLease>(factory.Services, Options.Create(new ClusterOptions { NodeId = "node-without-the-lease" }));
        var lease = factory.Services.GetRequiredService<TrainerLease>();
        await lease.FirstRound;
        return lease;
    }

    /// <summary>One decision per age, oldest first; returns their event ids in that order.</summary>
    public async Task<List<string>> DecisionsAsync(string loopId, params TimeSpan[] ages)
    {
        var decisions = ages.Select(age => Decision(loopId, Now - age, "65+", "A", 1, [new("user.visits", 0.4)])).ToArray();
        await SeedAsync(factory.Services, decisions);
        return decisions.Select(d => d.EventId).ToList();
    }

    public async Task FlagAsync(string loopId, string eventId)
    {
        await using var db = await DbAsync();
        var seq = await db.Decisions.Where(d => d.LoopId == loopId && d.EventId == eventId).Select(d => d.Seq).SingleAsync();
        db.DecisionFlags.Add(new DecisionFlag
        {
            DecisionSeq = seq, LoopId = loopId, EventId = eventId, Note = "wrong", FlaggedByName = "carla", FlaggedAt = Now,
        });
        await db.SaveChangesAsync();
    }

    public Task AggregateAsync(string loopId) => factory.Services.GetRequiredService<InsightAggregator>().CatchUpAsync(Loop(loopId), CancellationToken.None);

    /// <summary>A ticket sent today from the decision's signed link: it keeps a copy of the decision and its context.</summary>
    public async Task<string> TicketAboutAsync(string loopId, string eventId)
    {
        var link = factory.Services.GetRequiredService<DecisionLinkTokens>().Create(loopId, eventId, DateTimeOffset.UtcNow.AddDays(1));
        return (await factory.SubmitAsync("About " + eventId, decisionLink: link)).Reference;
    }

    public RetentionPurge Purge(int batchSize = 5_000) => PurgeAt(factory, Clock, batchSize);

    /// <summary>The app's purge seen from another moment, without rests between batches.</summary>
    public static RetentionPurge PurgeAt(PortalAppFactory factory, TimeProvider clock, int batchSize = 5_000) =>
        ActivatorUtilities.CreateInstance<RetentionPurge>(factory.Services, clock,
            Options.Create(new LogRetentionOptions { BatchSize = batchSize, MaxBusyShare = 1 }));

    public async Task<List<string>> EventIdsAsync(string loopId)
    {
        await using var db = await DbAsync();
        return await db.Decisions.Where(d => d.LoopId == loopId).OrderBy(d => d.CreatedAt).Select(d => d.EventId).ToListAsync();
    }

    public async Task<int> FlagCountAsync(string loopId)
    {
        await using var db = await DbAsync();
        return await db.DecisionFlags.CountAsync(f => f.LoopId == loopId);
    }

    /// <summary>The hour buckets of each aggregate table's rows: segmentStats, importanceStats, featureValueStats.</summary>
    public async Task<(List<DateTimeOffset> Segments, List<DateTimeOffset> Importance, List<DateTimeOffset> Values)> BucketsAsync(string loopId)
    {
        await using var db = await DbAsync();
        return (await db.SegmentStats.Where(s => s.LoopId == loopId).Select(s => s.BucketStart).ToListAsync(),
            await db.ImportanceStats.Where(s => s.LoopId == loopId).Select(s => s.BucketStart).ToListAsync(),
            await db.FeatureValueStats.Where(s => s.LoopId == loopId).Select(s => s.BucketStart).ToListAsync());
    }

    public async Task<(FeedbackTicket Ticket, int ContextValues)> TicketAsync(string reference)
    {
        await using var db = await DbAsync();
        var ticket = await db.FeedbackTickets.AsNoTracking().SingleAsync(t => t.Reference == reference);
        return (ticket, await db.TicketContextValues.CountAsync(v => v.TicketId == ticket.Id));
    }

    /// <summary>The retention purges' audit entries about the loop: who, and the rows removed per kind.</summary>
    public async Task<List<(string Actor, Dictionary<string, long> Removed)>> AuditAsync(string loopId)
    {
        await using var db = await DbAsync();
        var entries = await db.AuditEntries.Where(e => e.Action == RetentionPurge.AuditAction && e.LoopId == loopId)
            .OrderBy(e => e.Seq).Select(e => new { e.ActorName, e.Before }).ToListAsync();
        return entries.Select(e => (e.ActorName, JsonSerializer.Deserialize<Dictionary<string, long>>(e.Before!)!)).ToList();
    }

    private async Task<PortalDbContext> DbAsync() =>
        await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();

    private static DateTimeOffset HalfPastAnHourAgo()
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 30, 0, TimeSpan.Zero).AddHours(-1);
    }
}
