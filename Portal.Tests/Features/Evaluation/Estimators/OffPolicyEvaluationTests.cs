using Portal.Features.Evaluation.Estimators;
using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;

namespace Portal.Tests.Features.Evaluation.Estimators;

public sealed class OffPolicyEvaluationTests
{
    /// <summary>Rewards 1, 0, 1, 0.5 over various logging distributions: the observed mean is 2.5 / 4 = 0.625.</summary>
    private static readonly EvaluatedDecision[] Log =
    [
        EvaluationLogs.Decision(0, 1, 0.9, 0.05, 0.05),
        EvaluationLogs.Decision(2, 0, 0.1, 0.1, 0.8),
        EvaluationLogs.Decision(1, 1, 0.2, 0.7, 0.1),
        EvaluationLogs.Decision(0, 0.5, 0.6, 0.4),
    ];

    private static PolicyEstimates Evaluate(ICandidatePolicy policy, IRewardModel? model = null)
    {
        var evaluation = new OffPolicyEvaluation([policy], 0, 1, model);
        foreach (var d in Log) evaluation.Add(d);
        return evaluation.Results().Single();
    }

    [Fact]
    public void Evaluating_the_logging_policy_gives_the_observed_mean_reward()
    {
        var result = Evaluate(new LoggingPolicy());

        Assert.Equal(0.625, result.Ips.Value, 12);
        Assert.Equal(0.625, result.Snips.Value, 12);
        Assert.Equal(4, result.Ips.EffectiveSampleSize, 12);
    }

    [Fact]
    public void The_baseline_counts_only_decisions_that_chose_the_first_action()
    {
        var result = Evaluate(new BaselinePolicy());

        // Chosen 0 in decisions 1 (p 0.9, r 1) and 4 (p 0.6, r 0.5): IPS = (1/0.9 + 0.5/0.6) / 4 = (1.111111 + 0.833333) / 4 = 0.486111
        // SNIPS = 1.944444 / (1/0.9 + 1/0.6) = 1.944444 / 2.777778 = 0.7
        Assert.Equal((1 / 0.9 + 0.5 / 0.6) / 4, result.Ips.Value, 12);
        Assert.Equal(0.7, result.Snips.Value, 12);
        Assert.Null(result.Dr);
    }

    [Fact]
    public void Uniform_random_weights_each_decision_by_one_over_k_p()
    {
        var result = Evaluate(new UniformRandomPolicy());

        // w = (1/3)/0.9, (1/3)/0.8, (1/3)/0.7, (1/2)/0.6; IPS = (0.370370·1 + 0 + 0.476190·1 + 0.833333·0.5) / 4 = 1.263095 / 4
        var expected = (1.0 / 3 / 0.9 + 1.0 / 3 / 0.7 + 0.5 / 0.6 * 0.5) / 4;
        Assert.Equal(expected, result.Ips.Value, 12);
    }

    [Fact]
    public void With_a_reward_model_dr_is_estimated_for_each_policy()
    {
        var result = Evaluate(new UniformRandomPolicy(), new ConstantRewardModel(0.5));

        // ĝ = 0.5 everywhere: d = 0.5 + w (r − 0.5); w as above.
        // 1: 0.5 + 0.370370·0.5 = 0.685185; 2: 0.5 + 0.416667·(−0.5) = 0.291667; 3: 0.5 + 0.476190·0.5 = 0.738095; 4: 0.5
        var expected = (0.5 + 1.0 / 3 / 0.9 * 0.5 + 0.5 - 1.0 / 3 / 0.8 * 0.5 + 0.5 + 1.0 / 3 / 0.7 * 0.5 + 0.5) / 4;
        Assert.Equal(expected, result.Dr!.Value, 12);
    }

    private sealed class ConstantRewardModel(double value) : IRewardModel
    {
        public void Predict(EvaluatedDecision decision, Span<double> rewards) => rewards.Fill(value);
    }
}
