namespace Portal.Features.Learning;

/// <summary>
/// Hashed features of one context or one action, grouped by VW namespace index (first byte of the namespace name).
/// Immutable and thread-safe; keeps display names (dotted paths such as <c>user.age</c>) for explanations.
/// Hashes are the full 32-bit VW hashes, independent of the model's bit precision.
/// </summary>
public sealed class FeatureSet
{
    private readonly FeatureLabel[] labels;
    private readonly int labelOffset;

    /// <param name="labels">Display labels from <paramref name="labelOffset"/> on (a Rank's shared <see cref="FeatureLabelArena"/>), or none.</param>
    internal FeatureSet(byte[] groupIndex, int[] groupStart, uint[] hashes, float[] values, FeatureLabel[] labels, int labelOffset = 0)
    {
        GroupIndex = groupIndex;
        GroupStart = groupStart;
        Hashes = hashes;
        Values = values;
        this.labels = labels;
        this.labelOffset = labelOffset;
    }

    public static FeatureSet Empty { get; } = new([], [0], [], [], []);

    /// <summary>Number of features (after zero values and exclusions were dropped).</summary>
    public int Count => Hashes.Length;

    /// <summary>Namespace indexes present, ascending.</summary>
    internal byte[] GroupIndex { get; }

    /// <summary>Start offset of each group in <see cref="Hashes"/>; one extra entry holds <see cref="Count"/>.</summary>
    internal int[] GroupStart { get; }

    internal uint[] Hashes { get; }

    internal float[] Values { get; }

    /// <summary>Display name of feature <paramref name="index"/>, e.g. <c>user.profileType=AnonymousUser</c>.</summary>
    public string NameAt(int index) => LabelAt(index).ToString();

    internal FeatureLabel LabelAt(int index) => labels[labelOffset + index];

    /// <summary>Value of feature <paramref name="index"/> (1 for indicators).</summary>
    public float ValueAt(int index) => Values[index];

    /// <summary>Position of namespace index <paramref name="ns"/> among the groups, or -1.</summary>
    internal int FindGroup(byte ns)
    {
        var groups = GroupIndex;
        for (var g = 0; g < groups.Length; g++)
        {
            if (groups[g] == ns) return g;
            if (groups[g] > ns) return -1;
        }

        return -1;
    }
}
