using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>Protocol A: news simulation, 10k rounds, seeds 1–5, and the variant switching preferences at 5k.</summary>
public static class NewsProtocol
{
    private static readonly int[] Seeds = [1, 2, 3, 4, 5];

    public static IEnumerable<ResultRow> Compare(VwReference vw)
    {
        foreach (var (name, arguments) in Configurations.News)
        {
            var policy = PolicyParser.Parse(arguments);
            var plain = Statistics.Of(Seeds.Select(s => NewsSimulation.Run(policy, 10_000, s)).ToArray());
            var switched = Statistics.Of(Seeds.Select(s => NewsSimulation.Run(policy, 10_000, s, switchAt: 5_000)).ToArray());
            var isP = name == "P";
            var parity = name != "ours";
            yield return ResultRow.Compare("A news @10k, seeds 1-5", name, plain, vw.News(isP ? "personalizer_default" : "tutorial"),
                parity, "VW tutorial");
            yield return ResultRow.Compare("A news, switch @5k", name, switched,
                isP ? VwReference.NewsPersonalizerVariant2 : VwReference.NewsTutorialVariant2, parity, "VW tutorial");
        }
    }
}
