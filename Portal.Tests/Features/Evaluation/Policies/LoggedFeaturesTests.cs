using Portal.Contracts.DecisionLog;
using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;
using Portal.Features.Learning;
using Portal.Tests.Features.Decisions.LogExport;

namespace Portal.Tests.Features.Evaluation.Policies;

/// <summary>The features an evaluation reads from a logged request are the trainer's, and the caller's exclusions hold.</summary>
public sealed class LoggedFeaturesTests
{
    private static readonly HashSet<string> AuditOnly = new(StringComparer.Ordinal) { "user.ageBand" };

    [Fact]
    public void The_features_are_the_ones_the_trainer_learns_from_without_the_audit_only_ones()
    {
        var decision = EvaluatedDecisionReading.From(LogExportSamples.Event(), LogExportSamples.Rules())!;

        var read = new LoggedFeatures(AuditOnly).Read(decision)!;

        var (context, actions) = RequestFeatures.Of(LoggedRequest.Read(LogExportSamples.Request)!, AuditOnly);
        Assert.Equal(Describe(context), Describe(read.Context));
        Assert.DoesNotContain(Describe(read.Context), f => f.Name.Contains("ageBand", StringComparison.Ordinal));
        Assert.Equal(actions.Select(Describe), read.Actions.Select(Describe));
    }

    [Fact]
    public void Actions_the_caller_excluded_in_any_spelling_get_nothing_from_a_model()
    {
        var request = LogExportSamples.Request.Replace("\"excludedActions\":[]", "\"ExcludedActions\":[\"news\"]", StringComparison.Ordinal);
        var decision = EvaluatedDecisionReading.From(LogExportSamples.Event(request: request), LogExportSamples.Rules())!;
        var features = new LoggedFeatures(AuditOnly);
        var model = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault)).Snapshot();
        var distribution = new double[decision.ActionCount];

        new ModelPolicy("model", features, () => model, 0.2).Distribution(decision, distribution);

        Assert.Equal(0, distribution[0]);
        Assert.Equal(1, distribution.Sum(), 12);
        Assert.All(distribution[1..], p => Assert.True(p > 0));
    }

    [Fact]
    public void A_freeze_of_every_rankable_action_serves_the_baseline()
    {
        var decision = EvaluatedDecisionReading.From(LogExportSamples.Event(), LogExportSamples.Rules())!;
        var features = new LoggedFeatures(AuditOnly);
        var model = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault)).Snapshot();
        var frozen = new FreezePolicy(new ModelPolicy("model", features, () => model, 0.2),
            new HashSet<string>(decision.Source!.ActionIds, StringComparer.Ordinal), features);
        var distribution = new double[decision.ActionCount];

        frozen.Distribution(decision, distribution);

        Assert.Equal([1.0, 0, 0], distribution);
    }

    private static List<(string Name, float Value)> Describe(FeatureSet set) =>
        Enumerable.Range(0, set.Count).Select(i => (set.NameAt(i), set.ValueAt(i))).ToList();
}
