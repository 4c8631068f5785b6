namespace Portal.Features.Insights.Catalog;

/// <summary>Where a feature comes from: the user's context, or the items (actions) being ranked.</summary>
public enum FeatureOrigin
{
    Context,
    Action,
}
