namespace Portal.Features.Learning;

/// <summary>Second pass of an update: w += update · x · rate (the rate stored by <see cref="SensitivityPass"/>).</summary>
internal readonly struct WeightUpdatePass(float[] cells, uint mask, float update, bool usesRate) : ITermVisitor
{
    public void Visit(uint hash, float x, int first, int second)
    {
        var at = (int)(hash & mask) * GradientState.Stride;
        cells[at] += usesRate ? update * x * cells[at + 3] : update * x;
    }
}
