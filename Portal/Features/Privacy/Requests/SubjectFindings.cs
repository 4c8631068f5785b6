namespace Portal.Features.Privacy.Requests;

/// <summary>What is held about one person, kind by kind (every kind listed, zero counts included).</summary>
public sealed record SubjectFindings(DataSubject Subject, IReadOnlyList<HeldCount> Counts)
{
    public const string NothingHeldMessage = "Nothing is held about this person.";

    public bool NothingHeld => Counts.All(c => c.Count == 0);

    public long CountOf(string kind) => Counts.FirstOrDefault(c => c.Kind == kind)?.Count ?? 0;

    /// <summary>Kind → count, as the API and the audit log write it.</summary>
    public IReadOnlyDictionary<string, long> ByKind() => Counts.ToDictionary(c => c.Kind, c => c.Count);
}
