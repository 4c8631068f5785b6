namespace Portal.Data.Entities;

/// <summary>Personalizer's service configuration of a loop (GET/PUT configurations/service).</summary>
public sealed record LoopSettings
{
    public static LoopSettings Default { get; } = new();

    public TimeSpan RewardWaitTime { get; init; } = TimeSpan.FromMinutes(10);
    public double DefaultReward { get; init; }
    public RewardAggregation RewardAggregation { get; init; } = RewardAggregation.Earliest;
    public double ExplorationPercentage { get; init; } = 0.2;
    public TimeSpan ModelExportFrequency { get; init; } = TimeSpan.FromMinutes(1);
    public int LogRetentionDays { get; init; } = 90;
    public LearningMode LearningMode { get; init; } = LearningMode.Online;

    /// <summary>Personalizer's isInferenceExplainabilityEnabled: Rank returns the top feature contributions per action.</summary>
    public bool IsInferenceExplainabilityEnabled { get; init; }

    /// <summary>Kept and returned for client compatibility; Portal keeps its logs in its own database.</summary>
    public bool LogMirrorEnabled { get; init; }
    public string? LogMirrorSasUri { get; init; }

    /// <summary>A Rank call carrying the browser's Global Privacy Control signal (<c>Sec-GPC: 1</c>) counts as an opt-out.</summary>
    public bool HonorGlobalPrivacyControl { get; init; } = true;

    /// <summary>Rank calls per second the loop's key may make (429 beyond); 0: no limit.</summary>
    public int RankCallsPerSecond { get; init; }

    /// <summary>Reward and Activate calls per second the loop's key may make (429 beyond); 0: no limit.</summary>
    public int RewardCallsPerSecond { get; init; }

    /// <summary>What opted-out users are shown when it is a candidate (a popular item, not based on profiling); else the baseline.</summary>
    public string? NotProfiledActionId { get; init; }
}
