namespace Portal.Features.Oversight.Rules;

public static class RuleMessages
{
    /// <summary>What happens next to a rule just written.</summary>
    public static string Created(long id, LoopOversight loop) =>
        loop.Rules.Any(r => r.Id == id)
            ? $"Rule #{id} is approved and acts from its start."
            : $"Rule #{id} waits for approval by a ComplianceReviewer or an Admin other than you.";
}
