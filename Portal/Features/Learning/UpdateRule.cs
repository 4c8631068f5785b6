namespace Portal.Features.Learning;

/// <summary>
/// The per-feature learning-rate arithmetic of VW's gd (adaptive, normalized, power_t), precomputed from a policy.
/// Rate for a weight = G^(−power_t) · (N²)^(power_t − 1) with adaptive and normalized updates, where G is the sum of
/// squared gradients and N the largest |x| seen for that weight; the global multiplier averages Σ x²/N² over examples.
/// </summary>
internal sealed class UpdateRule(LearnerPolicy policy)
{
    public bool Adaptive { get; } = policy.Adaptive;
    public bool Normalized { get; } = policy.Normalized;
    public bool Invariant { get; } = policy.Invariant;
    public bool UsesRate { get; } = policy.Adaptive || policy.Normalized;
    public float PowerT { get; } = (float)policy.PowerT;
    public float LearningRate { get; } = (float)policy.LearningRate;
    public double L1 { get; } = policy.L1;
    public double L2 { get; } = policy.L2;
    public bool Regularized { get; } = policy.L1 > 0 || policy.L2 > 0;

    /// <summary>VW's neg_norm_power: −(1 − power_t) with adaptive updates, −1 without.</summary>
    public float NegNormPower { get; } = policy.Adaptive ? (float)policy.PowerT - 1f : -1f;

    private bool SqrtRate => Adaptive && PowerT == 0.5f;

    public float RateDecay(float g, float n)
    {
        var rate = 1f;
        if (Adaptive)
        {
            if (SqrtRate) rate = 1f / MathF.Sqrt(g);
            else if (PowerT != 0) rate = MathF.Pow(g, -PowerT);
        }

        if (Normalized)
        {
            if (SqrtRate) rate /= n;
            else if (NegNormPower == -1f) rate /= n * n;
            else rate *= MathF.Pow(n * n, NegNormPower);
        }

        return rate;
    }

    /// <summary>Factor applied to a weight when a larger |x| is discovered for it (old scale N, new scale |x|).</summary>
    public float Rescale(float oldN, float newN)
    {
        if (SqrtRate) return oldN / newN;
        var ratio = newN / oldN;
        return NegNormPower == -1f ? 1f / (ratio * ratio) : MathF.Pow(ratio * ratio, NegNormPower);
    }

    public float AverageUpdate(double totalWeight, double normalizedSumNormX)
    {
        if (!Normalized) return 1f;
        var tw = (float)totalWeight;
        var nsnx = (float)normalizedSumNormX;
        if (SqrtRate) return MathF.Sqrt(tw / nsnx);
        return NegNormPower == -1f ? tw / nsnx : MathF.Pow(nsnx / tw, NegNormPower);
    }

    /// <summary>Squared loss step: VW's importance-invariant update, or the plain gradient step.</summary>
    public float Step(float prediction, float label, float updateScale, float predPerUpdate)
    {
        if (!Invariant || updateScale * predPerUpdate < 1e-6f) return 2f * (label - prediction) * updateScale;
        return (label - prediction) * (1f - MathF.Exp(-2f * updateScale * predPerUpdate)) / predPerUpdate;
    }
}
