namespace Portal.Features.Oversight.Rules;

/// <summary>Where a rule stands now, as people read it (its stored status plus its dates).</summary>
public enum RuleState
{
    PendingApproval,
    Acting,
    Scheduled,
    Expired,
    Rejected,
    Revoked,
}
