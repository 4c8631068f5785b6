namespace Portal.Features.Learning;

/// <summary>Σ x² over the terms (the sensitivity of plain SGD, when neither adaptive nor normalized).</summary>
internal struct SumOfSquares : ITermVisitor
{
    public float SumSquares;

    public void Visit(uint hash, float value, int first, int second) => SumSquares += value * value;
}
