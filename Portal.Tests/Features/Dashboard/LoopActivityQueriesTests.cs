using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Portal.Data.Entities;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Dashboard;

/// <summary>The overview's figures, computed on a real test database holding a loop with a known history (see <see cref="DashboardData"/>).</summary>
[Collection(DashboardCollection.Name)]
public sealed class LoopActivityQueriesTests(PortalAppFactory factory)
{
    [Fact]
    public async Task A_loop_shows_its_decisions_of_the_last_minute_and_the_reward_of_its_settled_hour_against_the_baseline()
    {
        var (loopId, clock) = await DashboardData.LoopWithHistoryAsync(factory);

        var activity = (await DashboardData.Queries(factory, clock).ActivityAsync(CancellationToken.None)).Single(a => a.LoopId == loopId);

        Assert.Equal(DashboardData.LastMinute, activity.DecisionsLastMinute);
        Assert.Equal(DashboardData.SettledLastHour, activity.SettledLastHour);
        Assert.Equal(DashboardData.AverageReward, activity.AverageReward!.Value, 9);
        Assert.Equal(DashboardData.BaselineReward, activity.BaselineReward!.Value, 9);
        Assert.Equal(2, activity.ActionCount);
        Assert.Equal(("Test loop", LearningMode.Online), (activity.Name, activity.Mode));
    }

    [Fact]
    public async Task As_time_passes_recent_decisions_settle_and_old_ones_leave_the_hour()
    {
        var (loopId, clock) = await DashboardData.LoopWithHistoryAsync(factory);
        var queries = DashboardData.Queries(factory, clock);

        clock.Advance(TimeSpan.FromMinutes(31));
        var later = (await queries.ActivityAsync(CancellationToken.None)).Single(a => a.LoopId == loopId);

        // The four of half an hour ago have left the hour; the three recent ones have settled: pending, pending (0.1 each), 1.
        Assert.Equal(0, later.DecisionsLastMinute);
        Assert.Equal(3, later.SettledLastHour);
        Assert.Equal((0.1 + 0.1 + 1) / 3, later.AverageReward!.Value, 9);
        Assert.Equal((0.1 / 0.5 + 0 + 1 / 0.5) / 3, later.BaselineReward!.Value, 9);
    }

    [Fact]
    public async Task A_loop_shows_the_oldest_decision_it_holds_and_how_long_it_keeps_them()
    {
        var (loopId, clock) = await DashboardData.LoopWithHistoryAsync(factory);
        var (forever, _) = await factory.CreateLoopAsync(LoopSettings.Default with { LogRetentionDays = -1 });

        var activity = await DashboardData.Queries(factory, clock).ActivityAsync(CancellationToken.None);

        var mine = activity.Single(a => a.LoopId == loopId);
        // Stored to the millisecond.
        Assert.Equal(((clock.GetUtcNow() - TimeSpan.FromHours(2)).ToUnixTimeMilliseconds(), 90), (mine.OldestDecisionAt!.Value.ToUnixTimeMilliseconds(), mine.LogRetentionDays));
        var empty = activity.Single(a => a.LoopId == forever);
        Assert.Equal(((DateTimeOffset?)null, -1), (empty.OldestDecisionAt, empty.LogRetentionDays));
    }

    [Fact]
    public async Task A_loop_without_settled_decisions_has_no_average_rather_than_zero()
    {
        var (loopId, _) = await factory.CreateLoopAsync();

        var activity = (await DashboardData.Queries(factory, new FakeTimeProvider(DateTimeOffset.UtcNow)).ActivityAsync(CancellationToken.None))
            .Single(a => a.LoopId == loopId);

        Assert.Equal((0, 0, 0), (activity.DecisionsLastMinute, activity.SettledLastHour, activity.ActionCount));
        Assert.Null(activity.AverageReward);
        Assert.Null(activity.BaselineReward);
    }

    [Fact]
    public async Task Every_loop_is_listed_with_its_current_model()
    {
        var (loopId, _) = await factory.CreateLoopAsync();

        var activity = await DashboardData.Queries(factory, TimeProvider.System).ActivityAsync(CancellationToken.None);

        var loops = factory.Services.GetRequiredService<LoopDirectory>();
        Assert.Equal(loops.All.Select(l => l.Id).Order(), activity.Select(a => a.LoopId));
        var mine = activity.Single(a => a.LoopId == loopId);
        var model = loops.Find(loopId)!.Model.Current;
        Assert.Equal((model.Version, model.ExamplesLearned), (mine.ModelVersion, mine.ExamplesLearned));
    }

    [Fact]
    public async Task The_latest_decisions_come_newest_first_with_what_was_chosen_and_its_reward()
    {
        var (loopId, clock) = await DashboardData.LoopWithHistoryAsync(factory);

        var recent = await DashboardData.Queries(factory, clock).RecentAsync(3, CancellationToken.None);

        Assert.Equal(["recent-3", "recent-2", "recent-1"], recent.Select(r => r.EventId));
        Assert.All(recent, r => Assert.Equal(loopId, r.LoopId));
        Assert.Equal(("A", 0.5, false, 1.0), (recent[0].ChosenActionId, recent[0].Probability, recent[0].Explored, recent[0].Reward));
        Assert.Equal(("B", true, (double?)null), (recent[1].ChosenActionId, recent[1].Explored, recent[1].Reward));
        Assert.True(recent[0].CreatedAt > recent[1].CreatedAt);
    }
}
