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

    private readonly List<(byte Index, uint Hash, float Value, string Name)> _features = [];

    public int Count => _features.Count;

    /// <summary>A numeric feature <paramref name="name"/> = <paramref name="value"/> in namespace <paramref name="ns"/>.</summary>
    public FeatureSetBuilder AddNumber(string ns, string name, float value, string? displayName = null)
    {
        if (value == 0 || !float.IsFinite(value)) return this;
        var nsHash = NamespaceHash(ns);
        var hash = MurmurHash3.HashString(name, nsHash);
        return Add(ns, hash, value, displayName ?? DisplayName(ns, name));
    }

    /// <summary>An indicator for the string value: VW hashes the name followed by the value.</summary>
    public FeatureSetBuilder AddString(string ns, string name, string value, string? displayName = null)
    {
        var escaped = EscapeValue(value);
        var hash = MurmurHash3.HashString(name + escaped, NamespaceHash(ns));
        return Add(ns, hash, 1f, displayName ?? DisplayName(ns, name) + "=" + value);
    }

    /// <summary>An indicator feature (JSON <c>true</c>, or a bare token).</summary>
    public FeatureSetBuilder AddIndicator(string ns, string name, string? displayName = null)
    {
        var hash = MurmurHash3.HashString(name, NamespaceHash(ns));
        return Add(ns, hash, 1f, displayName ?? DisplayName(ns, name));
    }

    /// <summary>Element <paramref name="position"/> of a numeric array: VW indexes it from the namespace hash.</summary>
    public FeatureSetBuilder AddArrayElement(string ns, int position, float value, string? displayName = null)
    {
        if (value == 0 || !float.IsFinite(value)) return this;
        var hash = unchecked(NamespaceHash(ns) + (uint)position);
        return Add(ns, hash, value, displayName ?? $"{ns.Trim()}[{position}]");
    }

    public FeatureSet Build()
    {
        if (_features.Count == 0) return FeatureSet.Empty;
        var ordered = _features.Select((f, i) => (f, i)).OrderBy(x => x.f.Index).ThenBy(x => x.i).Select(x => x.f).ToArray();
        var groupIndex = ordered.Select(f => f.Index).Distinct().ToArray();
        var groupStart = new int[groupIndex.Length + 1];
        for (int i = 0, g = 0; i < ordered.Length; i++)
        {
            if (ordered[i].Index != groupIndex[g]) groupStart[++g] = i;
        }

        groupStart[^1] = ordered.Length;
        return new FeatureSet(groupIndex, groupStart, ordered.Select(f => f.Hash).ToArray(),
            ordered.Select(f => f.Value).ToArray(), ordered.Select(f => f.Name).ToArray());
    }

    internal static uint NamespaceHash(string ns) => MurmurHash3.HashString(ns, 0);

    private FeatureSetBuilder Add(string ns, uint hash, float value, string displayName)
    {
        _features.Add((MurmurHash3.NamespaceIndex(ns), hash, value, displayName));
        return this;
    }

    private static string DisplayName(string ns, string name) =>
        string.IsNullOrWhiteSpace(ns) ? name : ns + "." + name;

    /// <summary>VW's JSON parser turns separators inside string values into underscores before hashing.</summary>
    private static string EscapeValue(string value) =>
        value.AsSpan().IndexOfAny(" \t|:") < 0 ? value
            : value.Replace(' ', '_').Replace('\t', '_').Replace('|', '_').Replace(':', '_');
}
