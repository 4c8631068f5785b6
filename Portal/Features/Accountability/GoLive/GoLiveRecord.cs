using Portal.Data.Entities;

namespace Portal.Features.Accountability.GoLive;

/// <summary>One go-live review as pages and the API show it: the checklist as attested, who recorded it and, once withdrawn, who withdrew it and why.</summary>
public sealed record GoLiveRecord(
    long Id,
    string LoopId,
    int Version,
    GoLiveReviewSource Source,
    bool LegalReviewDone,
    string LegalReference,
    bool SensitiveFeaturesChecked,
    bool OptOutWired,
    int? StatementVersion,
    string? Note,
    DateTimeOffset RecordedAt,
    string RecordedByName,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnByName,
    string? WithdrawReason)
{
    public bool IsActive => WithdrawnAt is null;

    /// <summary>Recorded by Portal (at migration, or for the demo) rather than by a person filling in the checklist.</summary>
    public bool ChecklistAttested => Source == GoLiveReviewSource.Person;

    public static GoLiveRecord From(GoLiveReview row) => new(row.Id, row.LoopId, row.Version, row.Source, row.LegalReviewDone,
        row.LegalReference, row.SensitiveFeaturesChecked, row.OptOutWired, row.StatementVersion, row.Note, row.RecordedAt,
        row.RecordedByName, row.WithdrawnAt, row.WithdrawnByName, row.WithdrawReason);
}

/// <summary>
/// A loop's go-live state: the review in force (null: awaiting one, so Rank serves the baseline), the newest published
/// data-handling statement as Portal checks it now, and every review ever recorded, newest first.
/// </summary>
/// <param name="OptOutTraffic">What the loop's latest decisions show about its opt-out wiring, for the reviewer who attests it.</param>
public sealed record GoLiveStatus(string LoopId, GoLiveRecord? Current, int? PublishedStatementVersion, IReadOnlyList<GoLiveRecord> History,
    OptOutTraffic OptOutTraffic)
{
    public bool IsLive => Current is not null;
}
