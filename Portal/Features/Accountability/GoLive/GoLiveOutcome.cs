namespace Portal.Features.Accountability.GoLive;

public enum GoLiveProblem
{
    None,

    /// <summary>The checklist or the reason is incomplete: 400.</summary>
    Invalid,

    /// <summary>No such loop: 404.</summary>
    NotFound,

    /// <summary>Already reviewed (recording) or not reviewed (withdrawing): 409.</summary>
    Conflict,
}

/// <summary>The result of recording or withdrawing a go-live review: done, or refused with a message a person can act on.</summary>
public sealed record GoLiveOutcome(GoLiveProblem Problem, string? Message)
{
    public bool Succeeded => Problem == GoLiveProblem.None;

    public static GoLiveOutcome Done { get; } = new(GoLiveProblem.None, null);
    public static GoLiveOutcome Invalid(string message) => new(GoLiveProblem.Invalid, message);
    public static GoLiveOutcome NotFound(string loopId) => new(GoLiveProblem.NotFound, $"There is no loop '{loopId}'.");
    public static GoLiveOutcome Conflict(string message) => new(GoLiveProblem.Conflict, message);
}
