namespace Portal.Data.Entities;

/// <summary>
/// Oversight switches of one loop, or of every loop at once (<see cref="GlobalScope"/>, which uses only the kill switch).
/// A missing row means every switch is off and rules need approval.
/// </summary>
public sealed class LoopControl
{
    public const string GlobalScope = "*";

    /// <summary>A loop id, or <see cref="GlobalScope"/>.</summary>
    public required string Scope { get; set; }

    /// <summary>Serve the baseline and learn nothing from what is served meanwhile.</summary>
    public bool KillSwitchOn { get; set; }
    public string? KillSwitchReason { get; set; }
    public string? KillSwitchChangedBy { get; set; }
    public DateTimeOffset? KillSwitchChangedAt { get; set; }

    /// <summary>Serve the model as it is, learn nothing from what is served meanwhile.</summary>
    public bool ModelFrozen { get; set; }

    /// <summary>Four-eyes: a rule acts only once someone other than its author approved it.</summary>
    public bool RequireRuleApproval { get; set; } = true;
}
