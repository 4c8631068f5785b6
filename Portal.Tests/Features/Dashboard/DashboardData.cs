using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Dashboard;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Dashboard;

/// <summary>
/// A loop with a known history, seen from a fixed moment: reward wait one minute, default reward 0.1, two actions in
/// its catalog, and
/// <list type="bullet">
/// <item>3 decisions in the last minute (rewards pending, not settled yet);</item>
/// <item>4 settled decisions half an hour ago: baseline A rewarded 1, baseline A without reward (counts 0.1), B rewarded 0.5,
/// B rewarded 0, each chosen with probability 0.5: average (1 + 0.1 + 0.5 + 0) / 4 = 0.4, baseline's estimate
/// (1/0.5 + 0.1/0.5) / 4 = 0.55;</item>
/// <item>1 decision two hours ago (rewarded 1), outside the hour.</item>
/// </list>
/// </summary>
internal static class DashboardData
{
    public const int LastMinute = 3;
    public const int SettledLastHour = 4;
    public const double AverageReward = 0.4;
    public const double BaselineReward = 0.55;

    public static async Task<(string LoopId, FakeTimeProvider Clock)> LoopWithHistoryAsync(PortalAppFactory factory)
    {
        var (loopId, _) = await factory.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromMinutes(1), DefaultReward = 0.1 });
        var now = DateTimeOffset.UtcNow;
        var clock = new FakeTimeProvider(now);
        Decision At(TimeSpan ago, string chosen, double? reward, string eventId) => new()
        {
            LoopId = loopId, EventId = eventId, CreatedAt = now - ago, RequestJson = """{"contextFeatures":[],"actions":[{"id":"A"},{"id":"B"}]}""",
            ChosenActionId = chosen, ChosenProbability = 0.5, BaselineActionId = "A", Explored = chosen != "A", ModelVersion = 1,
            Mode = LearningMode.Online, RankingJson = "[]", ExplanationJson = "[]", Reward = reward, RewardCount = reward is null ? 0 : 1,
        };
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.LoopActions.AddRange(
            new LoopAction { LoopId = loopId, ActionId = "A", FeaturesJson = "[]" },
            new LoopAction { LoopId = loopId, ActionId = "B", FeaturesJson = "[]" });
        // One save per decision, oldest first, so their commit order (Seq) is the order of time.
        foreach (var decision in new[]
                 {
                     At(TimeSpan.FromHours(2), "A", 1, "old"),
                     At(TimeSpan.FromMinutes(30), "A", 1, "settled-1"),
                     At(TimeSpan.FromMinutes(30), "A", null, "settled-2"),
                     At(TimeSpan.FromMinutes(30), "B", 0.5, "settled-3"),
                     At(TimeSpan.FromMinutes(30), "B", 0, "settled-4"),
                     At(TimeSpan.FromSeconds(50), "A", null, "recent-1"),
                     At(TimeSpan.FromSeconds(20), "B", null, "recent-2"),
                     At(TimeSpan.FromSeconds(10), "A", 1, "recent-3"),
                 })
        {
            db.Decisions.Add(decision);
            await db.SaveChangesAsync();
        }
        return (loopId, clock);
    }

    /// <summary>The dashboard's queries on the test app's database and loops, at the given moment.</summary>
    public static LoopActivityQueries Queries(PortalAppFactory factory, TimeProvider clock) => new(
        factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), factory.Services.GetRequiredService<LoopDirectory>(), clock);
}
