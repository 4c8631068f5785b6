using System.Net;
using Portal.Data.Entities;

namespace Portal.Features.Feedback;

/// <summary>One post of the public form, already validated by the form.</summary>
public sealed record FeedbackSubmission(
    FeedbackCategory Category,
    string Message,
    string? ContactEmail,
    bool ConsentToContact,
    string? DecisionToken,
    IPAddress? Source);

/// <summary>What the sender is told: the reference, and the secret of their private status link (given once).</summary>
public sealed record SubmissionReceipt(string Reference, string StatusToken, bool Repeated)
{
    public string StatusPath => StatusLinkToken.PathOf(StatusToken);
}
