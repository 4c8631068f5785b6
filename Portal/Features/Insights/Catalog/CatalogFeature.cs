namespace Portal.Features.Insights.Catalog;

/// <summary>One feature of a loop as the Features page lists it.</summary>
public sealed record CatalogFeature(
    string Path,
    FeatureOrigin Origin,
    bool AuditOnly,
    string? DisplayName,
    bool LooksSensitive,
    bool IsNumeric,
    IReadOnlyList<string> ExampleValues,
    bool SeenRecently)
{
    /// <summary>A context feature whose name looks sensitive and that the learner still uses.</summary>
    public bool NeedsWarning => Origin == FeatureOrigin.Context && LooksSensitive && !AuditOnly;
}
