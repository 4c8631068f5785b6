namespace Portal.Benchmarks.Service;

/// <summary>A response's status and, for unexpected statuses, its body (where a "database is locked" would show).</summary>
public readonly record struct Reply(int Status, string Body)
{
    public bool MentionsLocked => Body.Contains("locked", StringComparison.OrdinalIgnoreCase);
}
