using Portal.Features.Learning;

namespace Portal.Benchmarks;

/// <summary>Protocol B for a data set: mean ± SD of the average reward over the given replay seeds.</summary>
public static class ClassificationProtocol
{
    public static Statistics Run(ClassificationData data, string arguments, IReadOnlyList<int> seeds)
    {
        var policy = PolicyParser.Parse(arguments);
        var contexts = data.Features.Select(ClassificationBandit.Context).ToArray();
        return Statistics.Of(seeds.Select(s => ClassificationBandit.Run(data, policy, s, contexts)).ToArray());
    }

    public static IEnumerable<ResultRow> Compare(ClassificationData data, VwReference vw, IReadOnlyList<int> seeds)
    {
        var label = $"B {data.Name} (K={data.Classes}), seeds {string.Join(",", seeds)}";
        var results = Configurations.Classification.ToDictionary(c => c.Name, c => Run(data, c.Arguments, seeds));
        foreach (var (name, arguments) in Configurations.Classification)
        {
            var vwArgs = name == "ours" ? Configurations.Classification.Single(c => c.Name == "D2").Arguments : arguments;
            yield return ResultRow.Compare(label, name, results[name], vw.Classification(data.Name, vwArgs),
                parity: name != "ours", against: "VW D2");
        }
    }
}
