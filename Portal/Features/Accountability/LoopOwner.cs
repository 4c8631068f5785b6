namespace Portal.Features.Accountability;

/// <summary>A loop's accountable owner and purpose as pages show them; null where none was recorded yet.</summary>
public sealed record LoopOwner(
    string LoopId,
    string OwnerName,
    string OwnerContact,
    string Purpose,
    bool AffectsImportantChoices,
    DateTimeOffset UpdatedAt,
    string UpdatedByName);
