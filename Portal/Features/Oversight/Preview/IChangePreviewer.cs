using Portal.Data.Entities;
using Portal.Features.Segments;

namespace Portal.Features.Oversight.Preview;

/// <summary>
/// Estimates what a proposed freeze or rule would have done to reward on the loop's recent decisions. Owned here, where
/// the dialogs ask; implemented by offline evaluation (which depends on oversight, never the other way round).
/// </summary>
public interface IChangePreviewer
{
    Task<ChangePreview> FreezeAsync(string loopId, IReadOnlyList<string> actionIds, CancellationToken ct);

    Task<ChangePreview> RuleAsync(string loopId, SegmentDefinition segment, OverrideKind kind, IReadOnlyList<string> actionIds, CancellationToken ct);
}
