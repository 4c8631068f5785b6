using Portal.Data.Entities;

namespace Portal.Features.Integrity.Detection;

/// <summary>A window's measurement that passed its detector's bar.</summary>
public sealed record Flag(Measurement Measurement, double ZScore, double BaselineMean, double BaselineSpread, IReadOnlyList<WindowPoint> Evidence,
    long FirstSeq, long LastSeq, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// Judges a window's measurements against the rolling baseline: z = (value − baseline mean) / √(baseline spread² + the
/// window's own sampling error²), upwards only (manipulation pushes rewards, shares and bursts up). The spread across
/// windows carries the slow drift of a learning model, the sampling error keeps a quiet baseline from making every
/// blip a finding. Each detector's cells share the threshold's false-alarm rate (Bonferroni), so watching more actions
/// and segments does not mean more false alarms.
/// An action's share jumping on its own is what learning does when the model finds a better action (the manipulation
/// benchmark saw a dozen such jumps in 50,000 plain decisions); it is kept only in a window whose rewards are out of line
/// too (a reward-rate flag of the same action, or a burst or fast-reward flag), where it shows how far the suspected
/// manipulation has moved what is served.
/// </summary>
public static class AnomalyJudge
{
    public static List<Flag> Judge(IReadOnlyList<Measurement> measures, WindowTally window, RollingBaseline baseline, DetectionOptions options)
    {
        var judged = new List<(Measurement Measure, IReadOnlyCollection<WindowPoint> Baseline, double Z, double Mean, double Spread)>();
        var cellsPerKind = new Dictionary<FindingKind, int>();
        foreach (var measure in measures)
        {
            var history = baseline.Of(measure.CellKey);
            if (history.Count < options.MinimumBaselineWindows) continue;
            var (mean, spread) = RollingBaseline.Summary(history);
            // At least one event's worth of error: a quiet baseline and a window of all-equal values must not divide by zero.
            var error = Math.Max(Math.Sqrt(spread * spread + measure.StandardError * measure.StandardError), 1.0 / measure.Sample);
            judged.Add((measure, history, (measure.Value - mean) / error, mean, spread));
            cellsPerKind[measure.Kind] = cellsPerKind.GetValueOrDefault(measure.Kind) + 1;
        }

        var bars = cellsPerKind.ToDictionary(c => c.Key, c => Normal.BonferroniThreshold(options.Threshold, c.Value));
        var flags = new List<Flag>();
        foreach (var (measure, history, z, mean, spread) in judged)
        {
            if (z < bars[measure.Kind]) continue;
            var point = new WindowPoint(window.From, window.To, measure.Value, measure.Sample, Flagged: true);
            flags.Add(new Flag(measure, z, mean, spread, [.. history, point], window.FirstSeq, window.LastSeq, window.From, window.To));
        }
        return Corroborated(flags);
    }

    private static List<Flag> Corroborated(List<Flag> flags)
    {
        var loopWide = flags.Any(f => f.Measurement.Kind is FindingKind.FastRewards or FindingKind.RewardBurst);
        var rewardedActions = flags.Where(f => f.Measurement.Kind == FindingKind.RewardRate).Select(f => f.Measurement.ActionId).ToHashSet(StringComparer.Ordinal);
        return flags.Where(f => f.Measurement.Kind != FindingKind.ActionShare || loopWide || rewardedActions.Contains(f.Measurement.ActionId)).ToList();
    }
}
