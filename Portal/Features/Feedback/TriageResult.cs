namespace Portal.Features.Feedback;

/// <summary>The outcome of a reviewer's change: null error means it was made.</summary>
public sealed record TriageResult(string? Error)
{
    public static TriageResult Ok { get; } = new((string?)null);
    public bool Succeeded => Error is null;
}

/// <summary>The outcome of a bulk change: how many tickets changed, and why the others did not.</summary>
public sealed record BulkTriageResult(int Changed, IReadOnlyList<string> Refusals);
