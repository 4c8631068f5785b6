namespace Portal.Features.Learning;

/// <summary>Sums weight × value over the visited terms (the score). Weights sit every <c>stride</c> floats.</summary>
internal struct DotProduct(float[] weights, uint mask, int stride) : ITermVisitor
{
    public double Sum;

    public void Visit(uint hash, float value, int first, int second) => Sum += weights[(int)(hash & mask) * stride] * value;
}
