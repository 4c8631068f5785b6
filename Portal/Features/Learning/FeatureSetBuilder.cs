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

    private byte[] _index = new byte[16];
    private uint[] _hashes = new uint[16];
    private float[] _values = new float[16];
    private FeatureLabel[] _labels = new FeatureLabel[16];
    private string? _lastNamespace;
    private uint _lastNamespaceHash;

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

    internal FeatureSetBuilder Add(string ns, uint hash, float value, FeatureLabel label)
    {
        if (Count == _hashes.Length) Grow();
        _index[Count] = MurmurHash3.NamespaceIndex(ns);
        _hashes[Count] = hash;
        _values[Count] = value;
        _labels[Count++] = label;
        return this;
    }

    /// <summary>The feature set, grouped by namespace index (stable: insertion order within a group).</summary>
    public FeatureSet Build()
    {
        if (Count == 0) return FeatureSet.Empty;
        Span<int> counts = stackalloc int[257];
        for (var i = 0; i < Count; i++) counts[_index[i] + 1]++;
        var groups = 0;
        for (var b = 1; b <= 256; b++) if (counts[b] > 0) groups++;
        var groupIndex = new byte[groups];
        var groupStart = new int[groups + 1];
        for (int b = 0, g = 0; b < 256; b++)
        {
            if (counts[b + 1] > 0) { groupIndex[g] = (byte)b; groupStart[g + 1] = groupStart[g] + counts[b + 1]; g++; }
            counts[b + 1] += counts[b];
        }

        var hashes = new uint[Count];
        var values = new float[Count];
        var labels = new FeatureLabel[Count];
        for (var i = 0; i < Count; i++)
        {
            var at = counts[_index[i]]++;
            (hashes[at], values[at], labels[at]) = (_hashes[i], _values[i], _labels[i]);
        }

        return new FeatureSet(groupIndex, groupStart, hashes, values, labels);
    }

    /// <summary>Empties the builder for reuse (keeps its buffers).</summary>
    internal void Clear()
    {
        System.Array.Clear(_labels, 0, Count);
        Count = 0;
        _lastNamespace = null;
    }

    internal uint NamespaceHash(string ns)
    {
        if (!ReferenceEquals(ns, _lastNamespace))
        {
            _lastNamespaceHash = MurmurHash3.HashString(ns, 0);
            _lastNamespace = ns;
        }

        return _lastNamespaceHash;
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

    private static FeatureLabel Label(string ns, string name, string? value, string? displayName) =>
        displayName is not null ? new FeatureLabel("", displayName)
        : new FeatureLabel(string.IsNullOrWhiteSpace(ns) ? "" : ns, name, value);

    private void Grow()
    {
        var size = _hashes.Length * 2;
        Array.Resize(ref _index, size);
        Array.Resize(ref _hashes, size);
        Array.Resize(ref _values, size);
        Array.Resize(ref _labels, size);
    }
}
