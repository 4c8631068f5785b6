using System.Buffers;

namespace Portal.Features.Learning;

/// <summary>
/// Keeps only the <c>size</c> largest contributions (by absolute value, largest first) as the terms are visited: an
/// explanation names a handful of the hundreds of terms a Rank's interactions make, so sorting them all is wasted work.
/// Of equal contributions the one visited first stays ahead.
/// </summary>
internal struct LargestContributions(float[] weights, uint mask, int stride, int size) : ITermVisitor
{
    public readonly (double Value, int First, int Second)[] Terms = ArrayPool<(double, int, int)>.Shared.Rent(size);
    public int Count;

    // Small enough to be inlined into the walker's loop: most terms are smaller than the last kept one.
    public void Visit(uint hash, float value, int first, int second)
    {
        var contribution = weights[(int)(hash & mask) * stride] * value;
        if (Count < size || Math.Abs(contribution) > smallestKept) Insert(contribution, first, second);
    }

    private double smallestKept;

    // Into the short sorted list: the last one drops out when it is full.
    private void Insert(double contribution, int first, int second)
    {
        var magnitude = Math.Abs(contribution);
        var at = Count < size ? Count++ : size - 1;
        while (at > 0 && Math.Abs(Terms[at - 1].Value) < magnitude)
        {
            Terms[at] = Terms[at - 1];
            at--;
        }
        Terms[at] = (contribution, first, second);
        smallestKept = Math.Abs(Terms[Count - 1].Value);
    }

    public readonly void Release() => ArrayPool<(double, int, int)>.Shared.Return(Terms);
}
