using Microsoft.Extensions.ObjectPool;

namespace Portal.Features.Learning;

/// <summary>
/// One buffer that holds the display labels of all the feature sets of one Rank, reused from Rank to Rank: labels are
/// most of what hashing a request allocates, and only explanations read them. The sets built on it may be read only
/// until the arena is returned (the end of the Rank); a set that must live longer is built without one.
/// </summary>
public sealed class FeatureLabelArena : IResettable
{
    // As many as Ranks are in flight at once (they wait for their commit), not the framework's default of 2 per core.
    private static readonly ObjectPool<FeatureLabelArena> Pool = new DefaultObjectPool<FeatureLabelArena>(new DefaultPooledObjectPolicy<FeatureLabelArena>(), 1024);
    private const int MaxKeptLabels = 8 * 1024;

    private FeatureLabel[] labels = new FeatureLabel[256];
    private int used;

    public static FeatureLabelArena Rent() => Pool.Get();

    public static void Return(FeatureLabelArena arena) => Pool.Return(arena);

    /// <summary>Room for <paramref name="count"/> labels: the array and the offset to write them at.</summary>
    internal (FeatureLabel[] Array, int Offset) Take(int count)
    {
        if (used + count > labels.Length)
        {
            // Sets built earlier keep the old array: it stays as they saw it.
            labels = new FeatureLabel[Math.Max(labels.Length * 2, count)];
            used = 0;
        }
        var offset = used;
        used += count;
        return (labels, offset);
    }

    /// <summary>Drops the labels' strings before the arena is reused; a very large Rank's buffer is not kept.</summary>
    public bool TryReset()
    {
        Array.Clear(labels, 0, used);
        used = 0;
        return labels.Length <= MaxKeptLabels;
    }
}
