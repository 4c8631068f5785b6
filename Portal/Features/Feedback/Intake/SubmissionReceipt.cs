namespace Portal.Features.Feedback.Intake;

/// <summary>What the sender is told: the reference, and the secret of their private status link (given once).</summary>
public sealed record SubmissionReceipt(string Reference, string StatusToken, bool Repeated)
{
    public string StatusPath => StatusLinkToken.PathOf(StatusToken);
}
