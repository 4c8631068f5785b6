using Portal.Data.Configurations;
using Portal.Features.CommunityReview.Sampling;

namespace Portal.Features.CommunityReview.Panels;

/// <summary>The "new panel" form, checked field by field: each problem is shown beside its field and nothing is stored.</summary>
public sealed class PanelForm
{
    public const int MaxDaysBack = 90;
    public const int MaxPerSegment = 100;
    public const int MaxExpiryDays = 90;

    public string? LoopId { get; set; }
    public string Name { get; set; } = "";

    /// <summary>How many days of recent decisions to draw from (the window ends now).</summary>
    public int DaysBack { get; set; } = 7;

    /// <summary>A categorical feature's path, or <see cref="Strata.SavedSegments"/>.</summary>
    public string? StrataBy { get; set; }

    public IReadOnlyCollection<long> SegmentIds { get; set; } = [];
    public int PerSegment { get; set; } = 10;
    public int ExpiresInDays { get; set; } = 14;

    public string? LoopError => string.IsNullOrWhiteSpace(LoopId) ? "Choose a loop." : null;

    public string? NameError => string.IsNullOrWhiteSpace(Name) ? "Give the panel a name."
        : Name.Trim().Length > ReviewPanelConfiguration.NameMaxLength ? $"At most {ReviewPanelConfiguration.NameMaxLength} characters." : null;

    public string? DaysBackError => DaysBack is < 1 or > MaxDaysBack ? $"Between 1 and {MaxDaysBack} days." : null;

    public string? StrataError => string.IsNullOrWhiteSpace(StrataBy) ? "Choose a feature or saved segments."
        : StrataBy == Strata.SavedSegments ? (SegmentIds.Count == 0 ? "Choose at least one saved segment." : null)
        : !Strata.IsReadableFeature(StrataBy) ? "Choose a context feature." : null;

    public string? PerSegmentError => PerSegment is < 1 or > MaxPerSegment ? $"Between 1 and {MaxPerSegment} decisions per segment." : null;

    public string? ExpiresError => ExpiresInDays is < 1 or > MaxExpiryDays ? $"Between 1 and {MaxExpiryDays} days." : null;

    public bool IsValid => new[] { LoopError, NameError, DaysBackError, StrataError, PerSegmentError, ExpiresError }.All(e => e is null);

    public string? FirstError => new[] { LoopError, NameError, DaysBackError, StrataError, PerSegmentError, ExpiresError }.FirstOrDefault(e => e is not null);
}
