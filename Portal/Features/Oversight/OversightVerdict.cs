using Portal.Data.Entities;

namespace Portal.Features.Oversight;

/// <summary>
/// What oversight decided for one Rank: the action it serves (or -1 when the model or the loop's mode decides among
/// the remaining candidates), what it changed, the rule that acted and the details in words.
/// </summary>
public readonly record struct OversightVerdict(int ServeIndex, OversightEffects Effects, long? RuleId, string? Detail)
{
    public static OversightVerdict ModelDecides { get; } = new(-1, OversightEffects.None, null, null);

    public bool Serves => ServeIndex >= 0;
}
