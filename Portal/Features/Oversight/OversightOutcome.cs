namespace Portal.Features.Oversight;

public enum OversightProblem
{
    None,

    /// <summary>The input is wrong (a missing reason, a bad date): 400.</summary>
    Invalid,

    /// <summary>The loop, action, rule or decision does not exist: 404.</summary>
    NotFound,

    /// <summary>The change conflicts with the current state (already frozen, not pending, own rule): 409.</summary>
    Conflict,
}

/// <summary>The result of an oversight change: done, or refused with a message a person can act on.</summary>
public sealed record OversightOutcome(OversightProblem Problem, string? Message, long? Id = null)
{
    public bool Succeeded => Problem == OversightProblem.None;

    public static OversightOutcome Done(long? id = null) => new(OversightProblem.None, null, id);
    public static OversightOutcome Invalid(string message) => new(OversightProblem.Invalid, message);
    public static OversightOutcome NotFound(string message) => new(OversightProblem.NotFound, message);
    public static OversightOutcome Conflict(string message) => new(OversightProblem.Conflict, message);
}
