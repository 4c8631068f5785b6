namespace Portal.Features.Learning;

/// <summary>Score over the learner's cells, with VW's lazy l1 truncation (weights within ±gravity count as 0).</summary>
internal struct CellDotProduct(float[] cells, uint mask, float gravity) : ITermVisitor
{
    public double Sum;

    public void Visit(uint hash, float value, int first, int second)
    {
        var w = cells[(int)(hash & mask) * GradientState.Stride];
        if (gravity > 0) w = MathF.Abs(w) > gravity ? w - MathF.CopySign(gravity, w) : 0;
        Sum += w * value;
    }
}
