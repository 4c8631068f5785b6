namespace Portal.Features.Integrity.Detection;

/// <summary>The counts of one window of settled decisions, from which the detectors' measurements are taken.</summary>
public sealed class WindowTally
{
    public sealed class ServedCounts
    {
        public int Decisions;
        public double RewardSum;
        public double RewardSquares;
    }

    public int Decisions { get; private set; }
    public long FirstSeq { get; private set; }
    public long LastSeq { get; private set; }
    public DateTimeOffset From { get; private set; }
    public DateTimeOffset To { get; private set; }

    /// <summary>Decisions that got at least one reward, and the reward calls in all (repeats included).</summary>
    public int Rewarded { get; private set; }
    public int RewardCalls { get; private set; }
    public int FastRewards { get; private set; }

    public Dictionary<ContextSegment, int> SegmentDecisions { get; } = [];
    public Dictionary<(string Action, ContextSegment ContextSegment), ServedCounts> Served { get; } = [];
    public Dictionary<string, int> RewardsBySource { get; } = new(StringComparer.Ordinal);

    public void Add(SettledOutcome decision, IReadOnlyList<ContextSegment> segments, TimeSpan fastReward, double defaultReward)
    {
        if (Decisions == 0) (FirstSeq, From) = (decision.Seq, decision.CreatedAt);
        (LastSeq, To) = (decision.Seq, decision.CreatedAt);
        Decisions++;
        // A decision without a reward counts with the loop's default reward, as the learner sees it.
        var reward = decision.Reward ?? defaultReward;
        Count(ContextSegment.Everyone, decision.ChosenActionId, reward);
        foreach (var segment in segments) Count(segment, decision.ChosenActionId, reward);

        if (decision.RewardCount == 0) return;
        Rewarded++;
        RewardCalls += decision.RewardCount;
        if (decision.RewardedAt is { } at && at - decision.CreatedAt < fastReward) FastRewards++;
        var source = decision.RewardSource ?? Portal.Features.Decisions.RewardSources.Unknown;
        RewardsBySource[source] = RewardsBySource.GetValueOrDefault(source) + 1;
    }

    private void Count(ContextSegment segment, string action, double reward)
    {
        SegmentDecisions[segment] = SegmentDecisions.GetValueOrDefault(segment) + 1;
        if (!Served.TryGetValue((action, segment), out var counts)) Served[(action, segment)] = counts = new ServedCounts();
        counts.Decisions++;
        counts.RewardSum += reward;
        counts.RewardSquares += reward * reward;
    }
}
