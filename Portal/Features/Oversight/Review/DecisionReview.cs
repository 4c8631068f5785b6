using Portal.Data.Entities;
using Portal.Features.Decisions;
using Portal.Features.Audit;

namespace Portal.Features.Oversight.Review;

/// <summary>Everything the decision view shows: the logged decision, the catalog's names, its saved segments and its audit trail.</summary>
public sealed record DecisionReview(
    DecisionDetail Decision,
    IReadOnlyDictionary<string, string> DisplayNames,
    IReadOnlyList<string> SavedSegments,
    IReadOnlyList<AuditEntry> Trail)
{
    public string NameOf(string actionId) => DisplayNames.TryGetValue(actionId, out var name) ? $"{name} ({actionId})" : actionId;
}
