using Portal.Data.Entities;

namespace Portal.Features.Integrity.Detection;

/// <summary>The four detectors' measurements of one window (cells with fewer events than the minimum sample are left out).</summary>
public static class WindowMeasures
{
    public const string FastRewardsCell = "fast";

    public static List<Measurement> Of(WindowTally window, int minimumSample, SegmentVocabulary vocabulary)
    {
        var measures = new List<Measurement>();
        foreach (var ((action, segment), served) in window.Served)
        {
            if (!segment.IsEveryone && vocabulary.IsTooVaried(segment.Feature)) continue;
            var cell = $"{action}|{segment.Feature}|{segment.Value}";
            if (served.Decisions >= minimumSample)
            {
                var mean = served.RewardSum / served.Decisions;
                var variance = Math.Max(served.RewardSquares / served.Decisions - mean * mean, 0);
                measures.Add(new Measurement(FindingKind.RewardRate, "rate|" + cell, $"reward rate of {action} for {segment}",
                    mean, served.Decisions, Math.Sqrt(variance / served.Decisions), action, segment));
            }
            var segmentDecisions = window.SegmentDecisions[segment];
            if (!segment.IsEveryone && segmentDecisions >= minimumSample)
            {
                var share = (double)served.Decisions / segmentDecisions;
                measures.Add(new Measurement(FindingKind.ActionShare, "share|" + cell, $"share of {action} in decisions for {segment}",
                    share, segmentDecisions, ProportionError(share, segmentDecisions), action, segment));
            }
        }

        if (window.Rewarded >= minimumSample)
        {
            var fast = (double)window.FastRewards / window.Rewarded;
            measures.Add(new Measurement(FindingKind.FastRewards, FastRewardsCell, "share of rewards implausibly fast after Rank",
                fast, window.Rewarded, ProportionError(fast, window.Rewarded)));
            foreach (var (source, rewards) in window.RewardsBySource) measures.Add(SourceShare(source, rewards, window.Rewarded));
        }
        // One API key per loop: its burst is more reward calls per decision than usual (repeats included).
        var perDecision = (double)window.RewardCalls / window.Decisions;
        measures.Add(new Measurement(FindingKind.RewardBurst, "key", "reward calls per decision on the loop's key",
            perDecision, window.Decisions, Math.Sqrt(perDecision / window.Decisions)));
        return measures;
    }

    /// <summary>One source's share of a window's rewarded decisions (0 for a known source that sent none).</summary>
    public static Measurement SourceShare(string source, int rewards, int rewarded)
    {
        var share = (double)rewards / rewarded;
        return new Measurement(FindingKind.RewardBurst, SourceCell(source), $"share of rewards sent from source {source}",
            share, rewarded, ProportionError(share, rewarded), Source: source);
    }

    public static string SourceCell(string source) => "source|" + source;

    private static double ProportionError(double p, int n) => Math.Sqrt(p * (1 - p) / n);
}
