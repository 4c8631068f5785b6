namespace Portal.Features.Learning;

/// <summary>
/// Online squared-loss regression over hashed terms, VW's gd: predictions are clipped to the range of labels seen
/// (starting at [0, 0]), then an adaptive/normalized/invariant step is taken with importance weight w.
/// Single-threaded: owned by <see cref="OnlineLearner"/>.
/// </summary>
internal sealed class Regressor(LearnerPolicy policy, TermWalker walker, GradientState state)
{
    private readonly UpdateRule rule = new(policy);

    public GradientState State { get; } = state;

    /// <summary>The raw (unclipped) score, as used for ranking.</summary>
    public float Predict(FeatureSet context, FeatureSet action)
    {
        var dot = new CellDotProduct(State.Cells, State.Mask, (float)State.Gravity);
        walker.WalkAll(context, action, ref dot);
        return (float)(dot.Sum * State.Contraction);
    }

    public void Learn(FeatureSet context, FeatureSet action, float label, float weight)
    {
        if (!(weight > 0) || !float.IsFinite(label)) return;
        State.MinLabel = Math.Min(State.MinLabel, label);
        State.MaxLabel = Math.Max(State.MaxLabel, label);
        var prediction = Math.Clamp(Predict(context, action), State.MinLabel, State.MaxLabel);
        State.T += weight;
        if ((prediction - label) * (prediction - label) <= 0) return;

        var (predPerUpdate, multiplier) = Sensitivity(context, action, prediction, label, weight);
        var updateScale = rule.LearningRate * weight;
        if (!rule.Adaptive) updateScale *= MathF.Pow((float)State.T, -rule.PowerT);
        var update = rule.Step(prediction, label, updateScale, predPerUpdate);
        if (rule.Regularized) update = Regularize(update, prediction, label);
        if (!float.IsFinite(update) || update == 0) return;

        var pass = new WeightUpdatePass(State.Cells, State.Mask, update * multiplier, rule.UsesRate);
        walker.WalkAll(context, action, ref pass);
        if (State.Contraction < 1e-9 || State.Gravity > 1e3) Synchronize();
    }

    private (float PredPerUpdate, float Multiplier) Sensitivity(FeatureSet context, FeatureSet action, float prediction, float label, float weight)
    {
        if (!rule.UsesRate)
        {
            var squares = new SumOfSquares();
            walker.WalkAll(context, action, ref squares);
            return (squares.SumSquares, 1f);
        }

        var gradSquared = rule.Adaptive ? weight * 4f * (prediction - label) * (prediction - label) : weight;
        var pass = new SensitivityPass(State.Cells, State.Mask, rule, gradSquared);
        walker.WalkAll(context, action, ref pass);
        if (!rule.Normalized) return (pass.PredPerUpdate, 1f);
        State.NormalizedSumNormX += weight * (double)pass.NormX;
        State.TotalWeight += weight;
        var multiplier = rule.AverageUpdate(State.TotalWeight, State.NormalizedSumNormX);
        return (pass.PredPerUpdate * multiplier, multiplier);
    }

    /// <summary>VW's truncated-gradient l1 (lazy gravity) and l2 (global contraction).</summary>
    private float Regularize(float update, float prediction, float label)
    {
        if (Math.Abs(update) <= 1e-8) return update;
        var derivative = 2.0 * (prediction - label);
        var etaBar = Math.Abs(derivative) > 1e-8 ? -update / derivative : 0.0;
        if (Math.Abs(derivative) > 1e-8) State.Contraction *= 1 - rule.L2 * etaBar;
        State.Gravity += etaBar * rule.L1;
        return (float)(update / State.Contraction);
    }

    /// <summary>Applies pending truncation and contraction to the stored weights (VW's sync_weights).</summary>
    private void Synchronize()
    {
        var weights = State.ExportWeights();
        for (var i = 0; i < weights.Length; i++) State.Cells[i * GradientState.Stride] = weights[i];
        State.Gravity = 0;
        State.Contraction = 1;
    }
}
