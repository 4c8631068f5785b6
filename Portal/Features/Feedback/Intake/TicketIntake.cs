using Microsoft.Extensions.Options;
using Portal.Data.Configurations;

namespace Portal.Features.Feedback.Intake;

/// <summary>
/// Turns a feedback post into a ticket: links and snapshots the decision when the signed link is valid (silently
/// unlinked otherwise), suggests the priority, sets the due time from its SLA, keeps a contact address only with
/// consent, and hands the post to the <see cref="TicketIntakeWriter"/>, which collapses the same text from the same
/// source within the repeat window into the existing ticket.
/// </summary>
public sealed class TicketIntake(
    DecisionSnapshots snapshots,
    SourceFingerprint fingerprint,
    TicketIntakeWriter writer,
    IOptionsMonitor<FeedbackOptions> options,
    IOptionsMonitor<SlaOptions> sla,
    TimeProvider clock)
{
    public async Task<SubmissionReceipt> SubmitAsync(FeedbackSubmission submission, CancellationToken ct)
    {
        var message = MessageText.Clean(submission.Message);
        if (message.Length is 0 or > FeedbackTicketConfiguration.MessageMaxLength)
            throw new ArgumentException("The message must have 1 to 4000 characters.", nameof(submission));
        var email = string.IsNullOrWhiteSpace(submission.ContactEmail) ? null : submission.ContactEmail.Trim();
        var priority = PrioritySuggestion.For(submission.Category);
        var token = StatusLinkToken.New();
        var now = clock.GetUtcNow();
        var stored = await writer.StoreAsync(new PendingTicket
        {
            ReceivedAt = now,
            RepeatSince = now - options.CurrentValue.RepeatWindow,
            Category = submission.Category,
            Message = message,
            ContactEmail = submission.ConsentToContact ? email : null,
            ConsentToContact = submission.ConsentToContact && email is not null,
            SourceHash = fingerprint.Of(submission.Source),
            TextHash = MessageText.Hash(message),
            Decision = await snapshots.FromLinkAsync(submission.DecisionToken, ct),
            Priority = priority,
            DueAt = now + sla.CurrentValue.For(priority),
            StatusTokenHash = StatusLinkToken.Hash(token),
        }, ct);
        return new SubmissionReceipt(stored.Reference, token, stored.Repeated);
    }

    /// <summary>What a bot that filled the honeypot is shown: a receipt like any other, for a ticket that does not exist.</summary>
    public static SubmissionReceipt Decoy() => new(TicketReference.New(), StatusLinkToken.New(), Repeated: false);
}
