using Portal.Data.Entities;
using Portal.Features.Decisions.LogExport;
using Portal.Features.Evaluation.Logs;
using Portal.Tests.Features.Decisions.LogExport;

namespace Portal.Tests.Features.Evaluation.Logs;

public sealed class EvaluatedDecisionReadingTests
{
    private static readonly LoopExportRules Rules = LogExportSamples.Rules();

    [Fact]
    public void A_learnable_decision_becomes_its_actions_in_request_order_with_the_chosen_and_baseline_indices()
    {
        // Request order: news, sports, weather; ranking sports 0.7, news 0.2, weather 0.1; chosen sports; baseline news.
        var decision = EvaluatedDecisionReading.From(LogExportSamples.Event(), Rules)!;

        Assert.Equal(3, decision.ActionCount);
        Assert.Equal([0.19999999999999998, 0.7000000000000001, 0.1], decision.LoggingDistribution);
        Assert.Equal(1, decision.ChosenIndex);
        Assert.Equal(0, decision.BaselineIndex);
        Assert.Equal(0.7000000000000001, decision.ChosenProbability);
        Assert.Equal(0.30000000000000004, decision.Reward);
    }

    [Fact]
    public void A_decision_without_a_reward_gets_the_loop_s_default_reward() =>
        Assert.Equal(-0.25, EvaluatedDecisionReading.From(LogExportSamples.Event(reward: null), Rules)!.Reward);

    [Fact]
    public void Decisions_the_trainer_would_not_learn_from_are_skipped()
    {
        Assert.Null(EvaluatedDecisionReading.From(LogExportSamples.Event(mode: LearningMode.LoggingOnly), Rules));
        Assert.Null(EvaluatedDecisionReading.From(LogExportSamples.Event(oversight: OversightEffects.RuleApplied), Rules));
        Assert.Null(EvaluatedDecisionReading.From(LogExportSamples.Event(oversight: OversightEffects.OptedOut), Rules));
        Assert.Null(EvaluatedDecisionReading.From(LogExportSamples.Event(flagged: true), Rules));
        Assert.Null(EvaluatedDecisionReading.From(LogExportSamples.Event(probability: 0), Rules));
    }

    [Fact]
    public async Task The_stream_keeps_only_the_learnable_decisions_in_order()
    {
        var rows = new[]
        {
            LogExportSamples.Event(reward: 1),
            LogExportSamples.Event(mode: LearningMode.LoggingOnly),
            LogExportSamples.Event(reward: null),
            LogExportSamples.Event(flagged: true),
        }.ToAsyncEnumerable();

        var read = await EvaluationLogReader.Learnable(rows, Rules, CancellationToken.None).ToListAsync();

        Assert.Equal([1, -0.25], read.Select(d => d.Reward));
    }
}
