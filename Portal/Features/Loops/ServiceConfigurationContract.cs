namespace Portal.Features.Loops;

/// <summary>Personalizer's ServiceConfiguration as it travels over the API (durations in ISO 8601, e.g. "PT10M").</summary>
public sealed record ServiceConfigurationContract(
    string? RewardWaitTime,
    double? DefaultReward,
    string? RewardAggregation,
    double? ExplorationPercentage,
    string? ModelExportFrequency,
    bool? LogMirrorEnabled,
    string? LogMirrorSasUri,
    int? LogRetentionDays,
    string? LearningMode,
    bool? IsInferenceExplainabilityEnabled = null);

/// <summary>Personalizer's PolicyContract: a name and the learner's argument string.</summary>
public sealed record PolicyContract(string? Name, string? Arguments);

public sealed record ModelProperties(DateTimeOffset CreationTime, DateTimeOffset LastModifiedTime);
