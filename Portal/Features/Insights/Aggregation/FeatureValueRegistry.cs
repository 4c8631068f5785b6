namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// The values of each categorical feature of one loop that get segments of their own: the first
/// <c>MaxValuesPerFeature</c> distinct values seen; later ones count as <see cref="Dimensions.OtherValue"/>, so a feature
/// such as a user id cannot flood the tables. Used by the aggregator only, one loop at a time.
/// </summary>
public sealed class FeatureValueRegistry(int maxValuesPerFeature)
{
    public const int MaxFeatureLength = 200;
    public const int MaxValueLength = 256;

    private readonly Dictionary<string, HashSet<string>> admitted = new(StringComparer.Ordinal);

    /// <summary>Values admitted before (read back from the tables after a restart).</summary>
    public void Load(IEnumerable<(string Feature, string Value)> known)
    {
        foreach (var (feature, value) in known)
        {
            if (value != Dimensions.OtherValue) Values(feature).Add(value);
        }
    }

    /// <summary>The value to count under, or null when the feature's path is too long to be stored.</summary>
    public string? Admit(string feature, string value)
    {
        if (feature.Length > MaxFeatureLength) return null;
        if (value.Length > MaxValueLength || value == Dimensions.OtherValue) return Dimensions.OtherValue;
        var values = Values(feature);
        if (values.Contains(value)) return value;
        if (values.Count >= maxValuesPerFeature) return Dimensions.OtherValue;
        values.Add(value);
        return value;
    }

    private HashSet<string> Values(string feature)
    {
        if (!admitted.TryGetValue(feature, out var values)) admitted[feature] = values = new HashSet<string>(StringComparer.Ordinal);
        return values;
    }
}
