using System.Globalization;

namespace Portal.Benchmarks;

/// <summary>
/// VW 9.11.2's stored figures: computed from the result files where they hold the runs (news curves, ADF runs),
/// otherwise taken from PROTOCOL.md's tables (news variant 2 and throughput are only published there).
/// </summary>
public sealed class VwReference(string dataDir)
{
    public static readonly Statistics NewsTutorialVariant2 = new(0.7956, 0.0066, 5);
    public static readonly Statistics NewsPersonalizerVariant2 = new(0.4774, 0.0170, 5);

    public static readonly IReadOnlyDictionary<string, double> DecisionsPerSecond = new Dictionary<string, double>
    {
        ["news P"] = 59_400, ["news D"] = 67_800, ["letter P"] = 13_600, ["letter D"] = 17_600,
    };

    /// <summary>News reward at 10k rounds, seeds 1–5, for "tutorial" or "personalizer_default".</summary>
    public Statistics News(string config)
    {
        var values = Rows("vw_news_sim_curves.csv")
            .Where(r => r[0] == config && r[^4] == "10000" && r[^2] == "10000")
            .Select(r => double.Parse(r[^1], CultureInfo.InvariantCulture)).ToArray();
        return values.Length == 0 ? default : Statistics.Of(values);
    }

    /// <summary>ADF average reward for a data set and VW argument string, seeds 1–3.</summary>
    public Statistics Classification(string dataset, string vwArgs)
    {
        var values = Rows("vw_adf_results.csv").Where(r => r[0] == dataset && r[3] == vwArgs)
            .Select(r => double.Parse(r[5], CultureInfo.InvariantCulture)).ToArray();
        return values.Length == 0 ? default : Statistics.Of(values);
    }

    /// <summary>Rows split on commas outside quotes.</summary>
    private IEnumerable<string[]> Rows(string file)
    {
        var path = Path.Combine(dataDir, file);
        if (!File.Exists(path)) yield break;
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            var fields = new List<string>();
            var current = new System.Text.StringBuilder();
            var quoted = false;
            foreach (var c in line)
            {
                if (c == '"') quoted = !quoted;
                else if (c == ',' && !quoted) { fields.Add(current.ToString()); current.Clear(); }
                else current.Append(c);
            }

            fields.Add(current.ToString());
            yield return fields.ToArray();
        }
    }
}
