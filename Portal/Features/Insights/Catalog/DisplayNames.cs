namespace Portal.Features.Insights.Catalog;

/// <summary>What people named a loop's features (by path) and actions (by id), for explanations to end users.</summary>
public sealed record DisplayNames(IReadOnlyDictionary<string, string> Features, IReadOnlyDictionary<string, string> Actions)
{
    public string ActionName(string actionId) => Actions.GetValueOrDefault(actionId) ?? actionId;
}
