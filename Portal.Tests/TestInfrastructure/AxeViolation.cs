namespace Portal.Tests.TestInfrastructure;

/// <summary>One axe-core rule that a page breaks: the rule, how bad, what it asks for, and the elements (CSS selectors) that break it.</summary>
public sealed record AxeViolation(string Id, string Impact, string Help, IReadOnlyList<string> Targets)
{
    public override string ToString() => $"{Id} ({Impact}): {Help} — {string.Join(", ", Targets.Take(5))}{(Targets.Count > 5 ? $" and {Targets.Count - 5} more" : "")}";
}
