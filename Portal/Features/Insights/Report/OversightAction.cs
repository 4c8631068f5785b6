namespace Portal.Features.Insights.Report;

/// <summary>One audited change to the loop in the period (a freeze, a rule, a mark, a setting...).</summary>
public sealed record OversightAction(DateTimeOffset At, string Actor, string Action, string Target, string? Reason);
