namespace Portal.Features.Integrity.Detection;

/// <summary>
/// One loop's detectors: settled decisions are folded in commit order into windows of <c>WindowDecisions</c>; each
/// full window is measured, judged against the rolling baseline, and then joins it, except for the cells it flagged,
/// so an attack that goes on does not become the new normal. Windows up to <see cref="JudgeAfterSeq"/> only build the
/// baseline (the history read at start-up).
/// </summary>
public sealed class LoopWatch(DetectionOptions options, long judgeAfterSeq)
{
    private readonly RollingBaseline baseline = new(options.BaselineWindows);
    private readonly SegmentVocabulary vocabulary = new(options.MaxSegmentValues);
    private readonly HashSet<string> knownSources = new(StringComparer.Ordinal);
    private WindowTally window = new();

    /// <summary>The last decision folded in: where the next read starts.</summary>
    public long Cursor { get; private set; } = judgeAfterSeq;

    public long JudgeAfterSeq { get; } = judgeAfterSeq;

    /// <summary>Windows judged so far (not counting those that only built the baseline).</summary>
    public int WindowsJudged { get; private set; }

    /// <summary>Starts the watch behind the newest decisions, so that it first rebuilds the baseline from the history before <paramref name="judgeAfterSeq"/>.</summary>
    public static LoopWatch From(DetectionOptions options, long historyStartSeq, long judgeAfterSeq) =>
        new(options, judgeAfterSeq) { Cursor = historyStartSeq };

    /// <summary>Folds one settled decision in; returns what the window it completes flagged (usually nothing).</summary>
    public IReadOnlyList<Flag> Fold(SettledOutcome decision, double defaultReward)
    {
        Cursor = decision.Seq;
        window.Add(decision, vocabulary.Of(decision.ContextValues), options.FastReward, defaultReward);
        if (window.Decisions < options.WindowDecisions) return [];

        var full = window;
        window = new WindowTally();
        var measures = WindowMeasures.Of(full, options.MinimumSample, vocabulary);
        AddSilentSources(measures, full);
        IReadOnlyList<Flag> flags = [];
        if (full.LastSeq > JudgeAfterSeq)
        {
            flags = AnomalyJudge.Judge(measures, full, baseline, options);
            WindowsJudged++;
        }
        var flagged = flags.Select(f => f.Measurement.CellKey).ToHashSet(StringComparer.Ordinal);
        foreach (var measure in measures)
        {
            if (!flagged.Contains(measure.CellKey)) baseline.Add(measure.CellKey, new WindowPoint(full.From, full.To, measure.Value, measure.Sample));
        }
        return flags;
    }

    /// <summary>
    /// A source sent no rewards in the windows it is absent from: a new source starts with a baseline of zeros over the
    /// windows seen so far (so a burst from a new address is judged at once), and a known source missing from a window
    /// with rewards gets a zero there.
    /// </summary>
    private void AddSilentSources(List<Measurement> measures, WindowTally full)
    {
        // Sources are measured only in windows with enough rewards: those the fast-reward cell has points for.
        if (full.Rewarded < options.MinimumSample) return;
        var rewardWindows = baseline.Of(WindowMeasures.FastRewardsCell);
        foreach (var source in full.RewardsBySource.Keys)
        {
            if (knownSources.Add(source))
                foreach (var window in rewardWindows) baseline.Add(WindowMeasures.SourceCell(source), window with { Value = 0, Flagged = false });
        }
        foreach (var source in knownSources)
        {
            if (!full.RewardsBySource.ContainsKey(source)) measures.Add(WindowMeasures.SourceShare(source, 0, full.Rewarded));
        }
    }
}
