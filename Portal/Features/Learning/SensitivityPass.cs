namespace Portal.Features.Learning;

/// <summary>
/// First pass of an update (VW's pred_per_update): accumulates squared gradients, discovers feature scales
/// (rescaling weights when a larger |x| appears), stores each weight's rate in its spare cell, and sums x²·rate.
/// </summary>
internal struct SensitivityPass(float[] cells, uint mask, UpdateRule rule, float gradSquared) : ITermVisitor
{
    private const float XMin = 1.084202e-19f;
    private const float X2Min = XMin * XMin;

    public float PredPerUpdate;
    public float NormX;

    public void Visit(uint hash, float x, int first, int second)
    {
        var at = (int)(hash & mask) * GradientState.Stride;
        var x2 = x * x;
        if (x2 < X2Min)
        {
            x = x > 0 ? XMin : -XMin;
            x2 = X2Min;
        }

        if (rule.Adaptive) cells[at + 1] += gradSquared * x2;
        if (rule.Normalized)
        {
            var xAbs = MathF.Abs(x);
            var n = cells[at + 2];
            if (xAbs > n)
            {
                if (n > 0) cells[at] *= rule.Rescale(n, xAbs);
                cells[at + 2] = n = xAbs;
            }

            NormX += x2 / (n * n);
        }

        var rate = rule.RateDecay(cells[at + 1], cells[at + 2]);
        cells[at + 3] = rate;
        PredPerUpdate += x2 * rate;
    }
}
