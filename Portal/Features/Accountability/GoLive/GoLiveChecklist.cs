using Portal.Data.Configurations;

namespace Portal.Features.Accountability.GoLive;

/// <summary>
/// What a compliance reviewer attests to put a loop live, and what is wrong with it, item by item (the dialog shows each
/// message beside its item, the service refuses the same). The three attestations must all be given; the data-handling
/// statement is checked by Portal itself: without a published one the review may still be recorded, but the note must
/// say why the loop may go live without it.
/// </summary>
public sealed class GoLiveChecklist
{
    public bool LegalReviewDone { get; set; }
    public string LegalReference { get; set; } = "";
    public bool SensitiveFeaturesChecked { get; set; }
    public bool OptOutWired { get; set; }
    public string Note { get; set; } = "";

    public string? LegalReviewError => LegalReviewDone ? null : "The legal review must be done before the loop goes live.";

    public string? LegalReferenceError =>
        string.IsNullOrWhiteSpace(LegalReference) ? "The legal review's reference is required (a ticket, a memo, a document number)."
        : LegalReference.Trim().Length > GoLiveReviewConfiguration.ReferenceMaxLength
            ? $"The reference is longer than {GoLiveReviewConfiguration.ReferenceMaxLength:N0} characters."
        : null;

    public string? SensitiveFeaturesError => SensitiveFeaturesChecked ? null : "Check the loop's features for sensitive inputs first (the Features page).";

    public string? OptOutError => OptOutWired ? null : "The application must honour opt-out before the loop goes live.";

    /// <param name="statementPublished">Whether Portal found a published data-handling statement for the loop.</param>
    public string? NoteError(bool statementPublished) =>
        Note.Trim().Length > GoLiveReviewConfiguration.NoteMaxLength ? $"The note is longer than {GoLiveReviewConfiguration.NoteMaxLength:N0} characters."
        : !statementPublished && string.IsNullOrWhiteSpace(Note)
            ? "No data-handling statement is published for this loop: say in the note why it may go live without one."
        : null;

    /// <summary>Every problem, in the order of the checklist.</summary>
    public IEnumerable<string> Problems(bool statementPublished) =>
        new[] { LegalReviewError, LegalReferenceError, SensitiveFeaturesError, OptOutError, NoteError(statementPublished) }.OfType<string>();

    public bool IsValid(bool statementPublished) => !Problems(statementPublished).Any();
}
