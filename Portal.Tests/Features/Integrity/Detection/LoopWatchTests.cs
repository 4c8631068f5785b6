using Portal.Contracts.Personalizer;
using Portal.Data.Entities;
using Portal.Features.Integrity.Detection;

namespace Portal.Tests.Features.Integrity.Detection;

/// <summary>
/// The detectors over synthetic logs: three countries, three actions with fixed click rates, clicks reported by the
/// application's server seconds after Rank; the attacks are what the simulator stages.
/// </summary>
public sealed class LoopWatchTests
{
    private static readonly DetectionOptions Options = new() { WindowDecisions = 300, BaselineWindows = 10, MinimumBaselineWindows = 5, MinimumSample = 20 };
    private static readonly string[] Countries = ["US", "BR", "DE"];
    private static readonly string[] Actions = ["a", "b", "c"];
    private readonly Random random = new(11);
    private readonly LoopWatch watch = new(Options, judgeAfterSeq: 0);
    private readonly List<Flag> flags = [];
    private long seq;
    private DateTimeOffset now = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Plain_traffic_over_forty_windows_raises_nothing()
    {
        Run(windows: 40, Plain);

        Assert.Empty(flags);
        Assert.Equal(40, watch.WindowsJudged);
    }

    [Fact]
    public void Fake_rewards_for_one_action_from_one_country_are_flagged_as_its_reward_rate_a_burst_from_their_source_and_fast_rewards()
    {
        Run(windows: 10, Plain);
        Assert.Empty(flags);

        Run(windows: 1, Attack);

        var kinds = flags.Select(f => (f.Measurement.Kind, f.Measurement.CellKey)).ToList();
        Assert.Contains((FindingKind.RewardRate, "rate|b|user.country|BR"), kinds);
        Assert.Contains((FindingKind.RewardBurst, "source|bot"), kinds);
        Assert.Contains((FindingKind.FastRewards, "fast"), kinds);
        // Plain cells stay quiet: nothing about action a, nor about c in the other countries.
        Assert.DoesNotContain(flags, f => f.Measurement.ActionId == "a");
        var rate = flags.Single(f => f.Measurement.CellKey == "rate|b|user.country|BR");
        Assert.True(rate.Measurement.Value > 0.5 && rate.BaselineMean < 0.2, $"{rate.Measurement.Value} against {rate.BaselineMean}");
        Assert.Equal(11, rate.Evidence.Count); // ten baseline windows, then the flagged one
        Assert.True(rate.Evidence[^1].Flagged);
    }

    [Fact]
    public void An_attack_that_goes_on_is_flagged_again_because_flagged_windows_never_join_the_baseline()
    {
        Run(windows: 10, Plain);

        Run(windows: 5, Attack);

        Assert.Equal(5, flags.Count(f => f.Measurement.CellKey == "rate|b|user.country|BR"));
    }

    [Fact]
    public void An_actions_share_jumping_with_plain_rewards_is_what_learning_does_and_raises_nothing()
    {
        Run(windows: 10, Plain);

        // The model "learns" to serve c to almost everyone: its share jumps, rewards stay as they were.
        Run(windows: 3, () => Decide(Countries[random.Next(3)], random.NextDouble() < 0.9 ? "c" : Actions[random.Next(3)], fromBot: false));

        Assert.Empty(flags);
    }

    [Fact]
    public void A_feature_with_more_values_than_the_limit_is_not_a_segment()
    {
        var options = new DetectionOptions { WindowDecisions = 100, BaselineWindows = 5, MinimumBaselineWindows = 3, MaxSegmentValues = 5 };
        var vocabulary = new SegmentVocabulary(options.MaxSegmentValues);

        for (var i = 0; i < 10; i++) vocabulary.Of(LoggedContext.Categories(Request("US", sessionId: "s" + i)));

        Assert.True(vocabulary.IsTooVaried("visit.session"));
        Assert.Equal([new ContextSegment("user.country", "US")], vocabulary.Of(LoggedContext.Categories(Request("US", sessionId: "s99"))));
    }

    [Fact]
    public void The_threshold_is_shared_by_the_cells_judged_together()
    {
        Assert.InRange(Normal.UpperTail(3), 0.001349, 0.001351);
        Assert.Equal(3, Normal.BonferroniThreshold(3, 1), 6);
        Assert.Equal(Normal.UpperTail(3) / 100, Normal.UpperTail(Normal.BonferroniThreshold(3, 100)), 6);
        Assert.InRange(Normal.BonferroniThreshold(3, 100), 4.15, 4.25);
    }

    private void Run(int windows, Func<SettledOutcome> next)
    {
        for (var i = 0; i < windows * Options.WindowDecisions; i++) flags.AddRange(watch.Fold(next(), defaultReward: 0));
    }

    private SettledOutcome Plain()
    {
        var country = Countries[random.Next(3)];
        return Decide(country, Actions[random.Next(3)], fromBot: false);
    }

    /// <summary>Half the visits are a script posing as BR visitors, rewarding b at once whenever it is shown.</summary>
    private SettledOutcome Attack() =>
        random.NextDouble() < 0.5 ? Decide("BR", Actions[random.Next(3)], fromBot: true) : Plain();

    private SettledOutcome Decide(string country, string action, bool fromBot)
    {
        now = now.AddSeconds(1);
        var clicked = fromBot ? action == "b" : random.NextDouble() < ClickRate(action);
        return new SettledOutcome(++seq, now, LoggedContext.Categories(Request(country)), action, clicked ? 1 : null, clicked ? 1 : 0,
            clicked ? now.AddSeconds(fromBot ? 0 : 2 + random.NextDouble() * 5) : null, clicked ? (fromBot ? "bot" : "app") : null);
    }

    private static double ClickRate(string action) => action switch { "a" => 0.1, "b" => 0.15, _ => 0.25 };

    private static string Request(string country, string? sessionId = null) =>
        $$"""{"contextFeatures":[{"user":{"country":"{{country}}"}{{(sessionId is null ? "" : $",\"visit\":{{\"session\":\"{sessionId}\"}}")}}}],"actions":[]}""";
}
