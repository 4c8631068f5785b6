using System.Buffers;

namespace Portal.Features.Learning;

/// <summary>Records every term's contribution (weight × value) and the features it came from.</summary>
internal struct ContributionCollector(float[] weights, uint mask, int stride) : ITermVisitor
{
    public (double Value, int First, int Second)[] Terms = ArrayPool<(double, int, int)>.Shared.Rent(64);
    public int Count;

    public void Visit(uint hash, float value, int first, int second)
    {
        if (Count == Terms.Length)
        {
            var bigger = ArrayPool<(double, int, int)>.Shared.Rent(Count * 2);
            Terms.AsSpan(0, Count).CopyTo(bigger);
            ArrayPool<(double, int, int)>.Shared.Return(Terms);
            Terms = bigger;
        }

        Terms[Count++] = (weights[(int)(hash & mask) * stride] * value, first, second);
    }

    public readonly void Release() => ArrayPool<(double, int, int)>.Shared.Return(Terms);
}
