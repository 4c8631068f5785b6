using Portal.Features.Learning;

namespace Portal.Tests.Features.Learning;

public sealed class InteractionTests
{
    private struct TermRecorder() : ITermVisitor
    {
        public List<(uint Hash, float Value)> Terms = [];

        public void Visit(uint hash, float value, int first, int second) => Terms.Add((hash, value));
    }

    private static List<(uint Hash, float Value)> Terms(string arguments, FeatureSet context, FeatureSet action)
    {
        var recorder = new TermRecorder();
        new TermWalker(PolicyParser.Parse("--cb_explore_adf " + arguments)).WalkAll(context, action, ref recorder);
        return recorder.Terms;
    }

    private static readonly FeatureSet Context = new FeatureSetBuilder()
        .AddNumber("x", "f0", 2).AddNumber("x", "f1", 3).AddString("user", "name", "Ann").Build();

    private static readonly FeatureSet Action = new FeatureSetBuilder().AddIndicator("a", "7").Build();

    [Fact]
    public void Quadratic_xa_pairs_every_x_feature_with_every_a_feature_using_vw_hashing()
    {
        var terms = Terms("-q xa --noconstant", Context, Action);

        // 3 context linear + 1 action linear + 2 interactions
        Assert.Equal(6, terms.Count);
        var f0 = MurmurHash3.HashString("f0", MurmurHash3.HashString("x", 0));
        var a7 = 7 + MurmurHash3.HashString("a", 0);
        Assert.Contains((16777619u * f0 ^ a7, 2f), terms);
    }

    [Fact]
    public void Wildcard_pairs_are_combinations_with_repetition_over_present_namespaces()
    {
        // namespaces a, u, x → pairs aa, au, ax, uu, ux, xx
        var terms = Terms("-q :: --noconstant", Context, Action);

        var linear = 4;
        var aa = 1; var au = 1; var ax = 2; var uu = 1; var ux = 2; var xx = 3; // self pairs use i <= j
        Assert.Equal(linear + aa + au + ax + uu + ux + xx, terms.Count);
    }

    [Fact]
    public void Self_interactions_include_each_feature_with_itself_once()
    {
        var terms = Terms("-q xx --noconstant", Context, FeatureSet.Empty);
        var f1 = MurmurHash3.HashString("f1", MurmurHash3.HashString("x", 0));

        Assert.Equal(3 + 3, terms.Count);
        Assert.Contains((16777619u * f1 ^ f1, 9f), terms);
    }

    [Fact]
    public void The_constant_uses_vw_constant_hash_and_ignore_drops_a_namespace()
    {
        var terms = Terms("-q :: --ignore u", Context, Action);

        Assert.Contains((TermWalker.ConstantHash, 1f), terms);
        Assert.Equal(1 + 3 + 1 + 2 + 3, terms.Count); // constant, linear x,a; aa, ax, xx
    }

    [Fact]
    public void Context_and_action_parts_together_are_the_whole_score()
    {
        var walker = new TermWalker(PolicyParser.Parse("--cb_explore_adf -q ::"));
        var contextPart = new TermRecorder();
        var actionPart = new TermRecorder();
        walker.WalkContext(Context, ref contextPart);
        walker.WalkAction(Context, Action, ref actionPart);

        Assert.Equal(Terms("-q ::", Context, Action).Count, contextPart.Terms.Count + actionPart.Terms.Count);
        Assert.Equal(3 + 1 + 2 + 3, contextPart.Terms.Count); // linear x,u; uu; ux; xx
    }

    [Fact]
    public void Cross_keeps_only_terms_that_involve_the_action()
    {
        var walker = new TermWalker(PolicyParser.Parse("--cb_explore_adf --cross"));
        var contextPart = new TermRecorder();
        var actionPart = new TermRecorder();
        walker.WalkContext(Context, ref contextPart);
        walker.WalkAction(Context, Action, ref actionPart);

        Assert.Empty(contextPart.Terms);
        Assert.Equal(1 + 1 + 3, actionPart.Terms.Count); // constant, action linear, 3 context features × 1 action feature
    }
}
