using System.Globalization;

namespace Portal.Features.Insights.Aggregation;

/// <summary>How segments are named in the aggregate tables (see <see cref="Data.Entities.SegmentStat"/>).</summary>
public static class Dimensions
{
    /// <summary>Every decision of the loop.</summary>
    public const string Everyone = "";

    /// <summary>The value of a feature beyond the first <c>MaxValuesPerFeature</c> distinct values.</summary>
    public const string OtherValue = "(other)";

    /// <summary>The value under which a saved segment's members are counted.</summary>
    public const string MemberValue = "in";

    private const string FeaturePrefix = "f:";
    private const string SegmentPrefix = "s:";

    public static string Feature(string path) => FeaturePrefix + path;

    public static string Segment(long segmentId) => SegmentPrefix + segmentId.ToString(CultureInfo.InvariantCulture);

    public static bool IsFeature(string dimension, out string path)
    {
        path = dimension.StartsWith(FeaturePrefix, StringComparison.Ordinal) ? dimension[FeaturePrefix.Length..] : "";
        return path.Length > 0;
    }
}
