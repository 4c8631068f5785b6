namespace Portal.Features.Evaluation.Runs;

/// <summary>Personalizer's PolicySource values.</summary>
public static class PolicySources
{
    public const string Online = "Online";
    public const string Baseline = "Baseline";
    public const string Random = "Random";
    public const string Custom = "Custom";
    public const string OfflineExperimentation = "OfflineExperimentation";
}
