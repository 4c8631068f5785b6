using Portal.Features.Segments;

namespace Portal.Features.Insights.Aggregation;

/// <summary>
/// One cursor's worth of aggregates: <see cref="FeaturesName"/> (everyone, the automatic segments, importance and
/// drift) or one saved segment (its predicate, and the hash of its definition so an edit starts it over).
/// </summary>
public sealed record AggregationSource(string Name, string? DefinitionHash, long LastSeq, long? SegmentId = null, SegmentPredicate? Predicate = null)
{
    public const string FeaturesName = "features";

    public static string SegmentName(long id) => "segment:" + id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
