using Portal.Features.Evaluation.Estimators;

namespace Portal.Tests.Features.Evaluation.Estimators;

public sealed class DrAccumulatorTests
{
    [Fact]
    public void Dr_adds_the_weighted_residual_of_the_chosen_action_to_the_model_s_value_of_the_policy()
    {
        var dr = new DrAccumulator();

        // 1: π = (1, 0), ĝ = (0.5, 0.2), chosen 0, p = 0.5, r = 1: w = 2; d = 1·0.5 + 2·(1 − 0.5) = 1.5
        dr.Add(new LoggedOutcome(0.5, 1, 1), 0, [1, 0], [0.5, 0.2]);
        // 2: π = (0.5, 0.5), ĝ = (0.4, 0.2), chosen 1, p = 0.25, r = 0: w = 2; d = 0.3 + 2·(0 − 0.2) = −0.1
        dr.Add(new LoggedOutcome(0.25, 0.5, 0), 1, [0.5, 0.5], [0.4, 0.2]);
        // 3: π = (0.6, 0.4), ĝ = (0.5, 0.5), chosen 1, p = 0.8, r = 1: w = 0.5; d = 0.5 + 0.5·(1 − 0.5) = 0.75
        dr.Add(new LoggedOutcome(0.8, 0.4, 1), 1, [0.6, 0.4], [0.5, 0.5]);

        var estimate = dr.Estimate(new EstimatorBounds(4, 0, 1));

        // (1.5 − 0.1 + 0.75) / 3 = 0.716667
        Assert.Equal(2.15 / 3, estimate.Value, 12);
        Assert.Equal(20.25 / 8.25, estimate.EffectiveSampleSize, 12);
    }

    [Fact]
    public void With_a_perfect_reward_model_and_deterministic_rewards_dr_has_no_variance()
    {
        var dr = new DrAccumulator();
        // ĝ equals every reward, so every residual is 0 and every term is Σ π ĝ = 0.5·1 + 0.5·0 = 0.5.
        for (var i = 0; i < 10; i++) dr.Add(new LoggedOutcome(0.5, 0.5, i % 2 == 0 ? 1 : 0), i % 2, [0.5, 0.5], [1, 0]);

        var estimate = dr.Estimate(new EstimatorBounds(2, 0, 1));

        Assert.Equal(0.5, estimate.Value, 12);
        Assert.Equal(0.5, estimate.Gaussian.Low, 12);
        Assert.Equal(0.5, estimate.Gaussian.High, 12);
    }
}
