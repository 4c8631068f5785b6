namespace Portal.Features.Feedback.Tickets;

/// <summary>The outcome of a reviewer's change: null error means it was made.</summary>
public sealed record TriageResult(string? Error)
{
    public static TriageResult Ok { get; } = new((string?)null);
    public bool Succeeded => Error is null;
}
