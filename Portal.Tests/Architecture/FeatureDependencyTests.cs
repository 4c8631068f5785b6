using Xunit.Abstractions;

namespace Portal.Tests.Architecture;

/// <summary>
/// The seams between features: no two features use each other, and the shared layers (Infrastructure, Data, Contracts) use no
/// feature. The table of who uses whom is printed with every run (bench/feature-deps.sh shows it alone).
/// </summary>
public sealed class FeatureDependencyTests(ITestOutputHelper output)
{
    private static readonly string[] SharedLayers = ["Infrastructure", "Data", "Contracts"];
    private static readonly IReadOnlySet<(string From, string To)> PortalEdges = FeatureDependencies.Edges(typeof(Program).Assembly);
    private static readonly IReadOnlySet<string> Features = FeatureDependencies.FeaturesOf(typeof(Program).Assembly);

    [Fact]
    public void No_two_features_use_each_other()
    {
        output.WriteLine(FeatureDependencies.Describe(PortalEdges));
        var cycles = FeatureDependencies.TwoWayCycles(PortalEdges)
            .Where(c => Features.Contains(c.A) && Features.Contains(c.B))
            .Select(c => $"{c.A} <-> {c.B} ({Evidence(c.A, c.B)}; {Evidence(c.B, c.A)})").ToList();

        Assert.True(cycles.Count == 0, "Features that use each other: " + string.Join(", ", cycles));
    }

    [Fact]
    public void Features_use_each_other_in_one_direction_only_however_long_the_path()
    {
        var groups = FeatureDependencies.CycleGroups(PortalEdges, Features)
            .Select(g => string.Join(" -> ", g) + " (" + string.Join("; ", g.SelectMany(a => g.Where(b => PortalEdges.Contains((a, b)))
                .Select(b => Evidence(a, b)))) + ")").ToList();

        Assert.True(groups.Count == 0, "Features that reach each other through others: " + string.Join(" | ", groups));
    }

    [Fact]
    public void A_cycle_through_three_areas_is_one_group()
    {
        var edges = new HashSet<(string, string)> { ("A", "B"), ("B", "C"), ("C", "A"), ("C", "D") };

        Assert.Equal([["A", "B", "C"]], FeatureDependencies.CycleGroups(edges, new HashSet<string> { "A", "B", "C", "D" }));
    }

    [Fact]
    public void Infrastructure_data_and_contracts_use_no_feature()
    {
        var wrong = PortalEdges.Where(e => SharedLayers.Contains(e.From) && Features.Contains(e.To))
            .Select(e => $"{e.From} -> {e.To} ({Evidence(e.From, e.To)})").Order().ToList();

        Assert.True(wrong.Count == 0, "Shared layers that use a feature: " + string.Join(", ", wrong));
    }

    /// <summary>The first few types behind an edge, so a failure says where to look.</summary>
    private static string Evidence(string from, string to) => string.Join(", ", FeatureDependencies.Uses(typeof(Program).Assembly)
        .Where(u => u.From == from && u.To == to).Select(u => $"{u.User.Name} uses {u.Used.Name}").Distinct().Take(6));

    [Fact]
    public void The_reader_sees_uses_that_no_using_line_names()
    {
        var edges = FeatureDependencies.Edges(typeof(Portal.Features.SampleCaller.Caller).Assembly);

        Assert.Contains(("SampleCaller", "SampleCallee"), edges);      // a relative name inside a lambda
        Assert.Contains(("SampleCallee", "SampleThird"), edges);       // a type only inferred by var
        Assert.DoesNotContain(("SampleThird", "SampleCaller"), edges);
        Assert.Equal([("SampleCallee", "SampleCaller")], FeatureDependencies.TwoWayCycles(edges)
            .Where(c => c.A.StartsWith("Sample", StringComparison.Ordinal)).Select(c => (c.A, c.B)));
        var samples = new HashSet<string> { "SampleCaller", "SampleCallee", "SampleThird" };
        Assert.Equal([["SampleCallee", "SampleCaller"]], FeatureDependencies.CycleGroups(edges, samples));
    }
}
