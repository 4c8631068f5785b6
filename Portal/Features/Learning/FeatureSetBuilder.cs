using System.Buffers;
using System.Text;

namespace Portal.Features.Learning;

/// <summary>
/// Builds a <see cref="FeatureSet"/> with VW's hashing rules: a namespace hashes its name (the default namespace
/// hashes to 0), a numeric feature hashes its name within the namespace, a string feature hashes name + value and
/// is an indicator (value 1). Zero values are dropped, as VW does.
/// </summary>
public sealed class FeatureSetBuilder
{
    /// <summary>The default namespace name (VW's <c>' '</c>).</summary>
    public const string DefaultNamespace = " ";

    private byte[] index = new byte[16];
    private uint[] hashes = new uint[16];
    private float[] values = new float[16];
    private FeatureLabel[] labels = new FeatureLabel[16];
    // The namespace indexes added since the last Clear, in order of first use, and a mark per index (its group + 1 during
    // Build): a set has a handful of namespaces, so Build works on those instead of all 256 possible indexes.
    private readonly byte[] seen = new byte[256];
    private readonly int[] mark = new int[256];
    private int seenCount;
    private string? lastNamespace;
    private uint lastNamespaceHash;

    public int Count { get; private set; }

    /// <summary>A numeric feature <paramref name="name"/> = <paramref name="value"/> in namespace <paramref name="ns"/>.</summary>
    public FeatureSetBuilder AddNumber(string ns, string name, float value, string? displayName = null) =>
        AddNumber(ns, name, value, Label(ns, name, null, displayName));

    internal FeatureSetBuilder AddNumber(string ns, string name, float value, FeatureLabel label)
    {
        if (value == 0 || !float.IsFinite(value)) return this;
        return Add(ns, MurmurHash3.HashString(name, NamespaceHash(ns)), value, label);
    }

    /// <summary>An indicator for the string value: VW hashes the name followed by the value.</summary>
    public FeatureSetBuilder AddString(string ns, string name, string value, string? displayName = null) =>
        AddString(ns, name, value, Label(ns, name, value, displayName));

    internal FeatureSetBuilder AddString(string ns, string name, string value, FeatureLabel label) =>
        Add(ns, HashPair(name, value, NamespaceHash(ns)), 1f, label);

    /// <summary>An indicator feature (JSON <c>true</c>, or a bare token).</summary>
    public FeatureSetBuilder AddIndicator(string ns, string name, string? displayName = null) =>
        AddIndicator(ns, name, Label(ns, name, null, displayName));

    internal FeatureSetBuilder AddIndicator(string ns, string name, FeatureLabel label) =>
        Add(ns, MurmurHash3.HashString(name, NamespaceHash(ns)), 1f, label);

    /// <summary>Element <paramref name="position"/> of a numeric array: VW indexes it from the namespace hash.</summary>
    public FeatureSetBuilder AddArrayElement(string ns, int position, float value, string? displayName = null) =>
        AddArrayElement(ns, position, value,
            displayName is null ? new FeatureLabel("", ns.Trim(), null, position) : new FeatureLabel("", displayName));

    internal FeatureSetBuilder AddArrayElement(string ns, int position, float value, FeatureLabel label)
    {
        if (value == 0 || !float.IsFinite(value)) return this;
        return Add(ns, unchecked(NamespaceHash(ns) + (uint)position), value, label);
    }

    /// <summary>A numeric feature whose name is UTF-8 (read straight from a request body).</summary>
    internal FeatureSetBuilder AddNumber(string ns, ReadOnlySpan<byte> name, float value, FeatureLabel label)
    {
        if (value == 0 || !float.IsFinite(value)) return this;
        return Add(ns, MurmurHash3.HashString(name, NamespaceHash(ns)), value, label);
    }

    /// <summary>A string feature whose name and value are UTF-8.</summary>
    internal FeatureSetBuilder AddString(string ns, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, FeatureLabel label) =>
        Add(ns, HashPair(name, value, NamespaceHash(ns)), 1f, label);

    /// <summary>An indicator whose name is UTF-8.</summary>
    internal FeatureSetBuilder AddIndicator(string ns, ReadOnlySpan<byte> name, FeatureLabel label) =>
        Add(ns, MurmurHash3.HashString(name, NamespaceHash(ns)), 1f, label);

    internal FeatureSetBuilder Add(string ns, uint hash, float value, FeatureLabel label)
    {
        if (Count == hashes.Length) Grow();
        var nsIndex = MurmurHash3.NamespaceIndex(ns);
        if (mark[nsIndex] == 0)
        {
            mark[nsIndex] = 1;
            seen[seenCount++] = nsIndex;
        }
        index[Count] = nsIndex;
        hashes[Count] = hash;
        values[Count] = value;
        labels[Count++] = label;
        return this;
    }

    /// <summary>The feature set, grouped by namespace index (stable: insertion order within a group).</summary>
    public FeatureSet Build() => Build(null);

    /// <summary>As <see cref="Build()"/>, the labels kept in <paramref name="arena"/> when one is given (see <see cref="FeatureLabelArena"/>).</summary>
    internal FeatureSet Build(FeatureLabelArena? arena)
    {
        if (Count == 0) return FeatureSet.Empty;
        var groups = seenCount;
        var groupIndex = seen.AsSpan(0, groups).ToArray();
        groupIndex.AsSpan().Sort();
        Span<int> next = stackalloc int[groups];
        for (var g = 0; g < groups; g++) mark[groupIndex[g]] = g + 1;
        var groupStart = new int[groups + 1];
        for (var i = 0; i < Count; i++) groupStart[mark[index[i]]]++;
        for (var g = 0; g < groups; g++)
        {
            groupStart[g + 1] += groupStart[g];
            next[g] = groupStart[g];
        }

        var groupedHashes = new uint[Count];
        var groupedValues = new float[Count];
        var (groupedLabels, labelOffset) = arena is null ? (new FeatureLabel[Count], 0) : arena.Take(Count);
        for (var i = 0; i < Count; i++)
        {
            var at = next[mark[index[i]] - 1]++;
            (groupedHashes[at], groupedValues[at], groupedLabels[labelOffset + at]) = (hashes[i], values[i], labels[i]);
        }

        return new FeatureSet(groupIndex, groupStart, groupedHashes, groupedValues, groupedLabels, labelOffset);
    }

    /// <summary>Empties the builder for reuse (keeps its buffers).</summary>
    internal void Clear()
    {
        System.Array.Clear(labels, 0, Count);
        for (var s = 0; s < seenCount; s++) mark[seen[s]] = 0;
        seenCount = 0;
        Count = 0;
        lastNamespace = null;
    }

    internal uint NamespaceHash(string ns)
    {
        if (!ReferenceEquals(ns, lastNamespace))
        {
            lastNamespaceHash = MurmurHash3.HashString(ns, 0);
            lastNamespace = ns;
        }

        return lastNamespaceHash;
    }

    /// <summary>hashstring(name + value) without building the joined string; separators in the value become '_' as in VW.</summary>
    private static uint HashPair(string name, string value, uint seed)
    {
        var max = Encoding.UTF8.GetMaxByteCount(name.Length + value.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        var length = Encoding.UTF8.GetBytes(name, buffer);
        var valueLength = Encoding.UTF8.GetBytes(value, buffer[length..]);
        foreach (ref var b in buffer.Slice(length, valueLength))
            if (b is (byte)' ' or (byte)'\t' or (byte)'|' or (byte)':') b = (byte)'_';
        var hash = MurmurHash3.HashString(buffer[..(length + valueLength)], seed);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    /// <summary>The same hash from UTF-8 name and value.</summary>
    private static uint HashPair(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, uint seed)
    {
        var total = name.Length + value.Length;
        byte[]? rented = null;
        Span<byte> buffer = total <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(total));
        name.CopyTo(buffer);
        var joinedValue = buffer.Slice(name.Length, value.Length);
        value.CopyTo(joinedValue);
        foreach (ref var b in joinedValue)
            if (b is (byte)' ' or (byte)'\t' or (byte)'|' or (byte)':') b = (byte)'_';
        var hash = MurmurHash3.HashString(buffer[..total], seed);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    private static FeatureLabel Label(string ns, string name, string? value, string? displayName) =>
        displayName is not null ? new FeatureLabel("", displayName)
        : new FeatureLabel(string.IsNullOrWhiteSpace(ns) ? "" : ns, name, value);

    private void Grow()
    {
        var size = hashes.Length * 2;
        Array.Resize(ref index, size);
        Array.Resize(ref hashes, size);
        Array.Resize(ref values, size);
        Array.Resize(ref labels, size);
    }
}
