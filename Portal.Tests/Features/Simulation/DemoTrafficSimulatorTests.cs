using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Features.Decisions;
using Portal.Features.Loops;
using Portal.Features.Simulation;
using Portal.Tests.TestInfrastructure;
// The Personalizer request types (PersonalizerJsonContext, RankRequestValidator): if they move, only this line changes.
using Portal.Contracts.Personalizer;

namespace Portal.Tests.Features.Simulation;

/// <summary>
/// The demo traffic simulator on a test app's demo loop, driven by a fake clock: one tick of 100 ms owes
/// DecisionsPerSecond / 10 visits, fractions carried over.
/// </summary>
public sealed class DemoTrafficSimulatorTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private readonly TimerCountingClock clock = new();
    private readonly WarningCounter warnings = new();

    [Fact]
    public async Task Enabled_it_ranks_into_the_demo_loop_at_its_rate_and_rewards_only_clicks_with_1()
    {
        var seqBefore = await LastSeqAsync();
        using var simulator = Simulator(enabled: true, decisionsPerSecond: 15);
        await StartedAsync(simulator);

        // 1.5 visits owed per tick: 1, 2, 1, 2.
        foreach (var expected in new[] { 1, 3, 4, 6 })
        {
            clock.Advance(Tick);
            await Eventually.TrueAsync(() => simulator.Decisions == expected);
        }
        await simulator.StopAsync(CancellationToken.None);

        Assert.Equal(0, warnings.Count);
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var logged = await db.Decisions.AsNoTracking().Where(d => d.LoopId == DemoLoopOptions.LoopId && d.Seq > seqBefore).ToListAsync();
        Assert.Equal(6, logged.Count);
        var lists = await StoredActionLists.LoadAsync(db, logged.Select(d => d.ActionListId), CancellationToken.None);
        Assert.All(logged, d =>
        {
            var request = JsonSerializer.Deserialize(lists.RequestOf(d.RequestJson, d.ActionListId), PersonalizerJsonContext.Default.RankRequest)!;
            Assert.Equal(NewsWorld.Articles.Select(a => a.Id), request.Actions!.Select(a => a.Id));
            Assert.Contains(d.Reward, new double?[] { null, 1.0 });
        });
    }

    [Fact]
    public async Task A_staged_attack_poses_as_visitors_of_its_country_and_rewards_its_target_whenever_shown_and_nothing_else()
    {
        var seqBefore = await LastSeqAsync();
        var attack = new SimulatedAttackOptions { Enabled = true, ActionId = "hidden-beaches", Country = "JP", StartAfter = TimeSpan.FromMilliseconds(150), Duration = TimeSpan.Zero, Share = 1 };
        using var simulator = Simulator(enabled: true, decisionsPerSecond: 100, attack);
        await StartedAsync(simulator);

        clock.Advance(Tick); // the attack starts after one tick: these 10 visits are plain
        await Eventually.TrueAsync(() => simulator.Decisions == 10);
        for (var i = 0; i < 5; i++)
        {
            clock.Advance(Tick);
            await Eventually.TrueAsync(() => simulator.Decisions == 20 + 10 * i);
        }
        await simulator.StopAsync(CancellationToken.None);

        Assert.Equal(50, simulator.AttackDecisions);
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var scripted = (await db.Decisions.AsNoTracking().Where(d => d.LoopId == DemoLoopOptions.LoopId && d.Seq > seqBefore).OrderBy(d => d.Seq).ToListAsync())
            .Where(d => d.RequestJson.Contains("\"_userId\":\"bot-")).ToList();
        Assert.Equal(50, scripted.Count);
        Assert.All(scripted, d =>
        {
            Assert.Contains("\"country\":\"JP\"", d.RequestJson);
            Assert.Equal(d.ChosenActionId == "hidden-beaches" ? 1.0 : null, d.Reward);
        });
    }

    [Theory]
    [InlineData("no-such-article", "JP", 0.3, "ActionId 'no-such-article' is not a demo article")]
    [InlineData("hidden-beaches", "XX", 0.3, "Country 'XX' is not a demo country")]
    [InlineData("hidden-beaches", "JP", 0.0, "Share must be above 0")]
    public void A_misconfigured_attack_is_refused_at_start_naming_the_key(string action, string country, double share, string expected)
    {
        var options = new SimulatorOptions { Attack = new SimulatedAttackOptions { Enabled = true, ActionId = action, Country = country, Share = share } };

        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(p => p.ErrorMessage).ToList();

        Assert.Contains(problems, p => p!.Contains("Portal:Simulator:Attack:" + expected.Split(' ')[0]) && p.Contains(expected));
    }

    [Fact]
    public async Task Disabled_it_ends_at_once_and_never_ranks()
    {
        using var simulator = Simulator(enabled: false, decisionsPerSecond: 100);

        await simulator.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => simulator.ExecuteTask!.IsCompleted);
        Assert.True(simulator.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal((0, 0), (simulator.Decisions, clock.Timers));
    }

    [Fact]
    public async Task Stopped_it_ends_its_loop_and_ranks_no_more()
    {
        using var simulator = Simulator(enabled: true, decisionsPerSecond: 20);
        await StartedAsync(simulator);
        clock.Advance(Tick);
        await Eventually.TrueAsync(() => simulator.Decisions == 2);

        await simulator.StopAsync(CancellationToken.None);
        clock.Advance(Tick);

        Assert.True(simulator.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Equal(2, simulator.Decisions);
        Assert.Equal(0, warnings.Count);
    }

    [Fact]
    public async Task A_simulated_visits_body_is_accepted_by_the_rank_endpoint_as_an_external_clients()
    {
        var api = factory.CreateApiClient();
        var visit = new NewsWorld(new Random(5)).NextVisit();
        var body = SimulatedRequest.RankBody(visit, NewsWorld.Articles);

        var response = await api.PostAsync("/personalizer/v1.0/rank", new StringContent(Encoding.UTF8.GetString(body), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains((await response.ReadJsonAsync()).GetProperty("rewardActionId").GetString(), NewsWorld.Articles.Select(a => a.Id));
    }

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    private DemoTrafficSimulator Simulator(bool enabled, double decisionsPerSecond, SimulatedAttackOptions? attack = null) => new(
        Options.Create(new SimulatorOptions { Enabled = enabled, DecisionsPerSecond = decisionsPerSecond, Attack = attack ?? new() }),
        Service<LoopDirectory>(), Service<RankService>(), Service<RewardService>(), Service<RewardSources>(), clock, warnings);

    /// <summary>Starts the simulator and waits until its timer exists, so that the next advance of the clock is a tick it sees.</summary>
    private async Task StartedAsync(DemoTrafficSimulator simulator)
    {
        await simulator.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => clock.Timers == 1);
    }

    private async Task<long> LastSeqAsync()
    {
        await using var db = await Service<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.Decisions.MaxAsync(d => (long?)d.Seq) ?? 0;
    }

    /// <summary>A fake clock that counts the timers made on it.</summary>
    private sealed class TimerCountingClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
    {
        private int timers;

        public int Timers => Volatile.Read(ref timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }

    /// <summary>Counts the simulator's warnings: each is a visit whose Rank or Reward failed.</summary>
    private sealed class WarningCounter : ILogger<DemoTrafficSimulator>
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel >= LogLevel.Warning) Interlocked.Increment(ref count);
        }
    }
}
