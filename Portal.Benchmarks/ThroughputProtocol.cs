using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>Protocol C rows: decisions/s parsing Personalizer JSON (and from memory), single thread.</summary>
public static class ThroughputProtocol
{
    public static IEnumerable<ResultRow> Compare(ClassificationData letter)
    {
        var news = Throughput.NewsStream(50_000, seed: 1);
        var letterStream = Throughput.ClassificationStream(letter, seed: 1);
        var configs = new (string Stream, string Name, string Arguments, string VwKey)[]
        {
            ("news", "P", PolicyParser.PersonalizerDefault, "news P"),
            ("news", "D", Configurations.News[1].Arguments, "news D"),
            ("news", "ours", PolicyParser.PortalDefault, "news P"),
            ("letter", "P", PolicyParser.PersonalizerDefault, "letter P"),
            ("letter", "D", Configurations.Classification[1].Arguments, "letter D"),
            ("letter", "ours", PolicyParser.PortalDefault, "letter P"),
        };
        foreach (var (stream, name, arguments, vwKey) in configs)
        {
            var policy = PolicyParser.Parse(arguments);
            var perSecond = Throughput.ParsedDecisionsPerSecond(policy, stream == "news" ? news : letterStream);
            var vw = VwReference.DecisionsPerSecond[vwKey];
            var label = stream == "news" ? "C news 50k, 7 actions" : "C letter 20k, 26 actions";
            yield return new ResultRow(label, name, $"{perSecond / 1000:F1}k/s", $"{vw / 1000:F1}k/s ({vwKey})", perSecond / vw,
                "parses Personalizer JSON text per event");
        }
    }
}
