using Portal.Data.Entities;

namespace Portal.Features.Loops;

/// <summary>The settings form's editable copy of a loop's settings, in the units people think in.</summary>
public sealed class LoopSettingsModel
{
    public double RewardWaitSeconds { get; set; }
    public double DefaultReward { get; set; }
    public RewardAggregation RewardAggregation { get; set; }
    public double ExplorationPercent { get; set; }
    public int LogRetentionDays { get; set; }
    public LearningMode LearningMode { get; set; }
    public bool ExplainRank { get; set; }
    public bool HonorGlobalPrivacyControl { get; set; }
    public string? NotProfiledActionId { get; set; }
    public int RankCallsPerSecond { get; set; }
    public int RewardCallsPerSecond { get; set; }

    public static LoopSettingsModel From(LoopSettings s) => new()
    {
        RewardWaitSeconds = s.RewardWaitTime.TotalSeconds,
        DefaultReward = s.DefaultReward,
        RewardAggregation = s.RewardAggregation,
        ExplorationPercent = Math.Round(s.ExplorationPercentage * 100, 2),
        LogRetentionDays = s.LogRetentionDays,
        LearningMode = s.LearningMode,
        ExplainRank = s.IsInferenceExplainabilityEnabled,
        HonorGlobalPrivacyControl = s.HonorGlobalPrivacyControl,
        NotProfiledActionId = s.NotProfiledActionId,
        RankCallsPerSecond = s.RankCallsPerSecond,
        RewardCallsPerSecond = s.RewardCallsPerSecond,
    };

    public LoopSettings ApplyTo(LoopSettings current) => current with
    {
        RewardWaitTime = TimeSpan.FromSeconds(RewardWaitSeconds),
        DefaultReward = DefaultReward,
        RewardAggregation = RewardAggregation,
        ExplorationPercentage = ExplorationPercent / 100,
        LogRetentionDays = LogRetentionDays,
        LearningMode = LearningMode,
        IsInferenceExplainabilityEnabled = ExplainRank,
        HonorGlobalPrivacyControl = HonorGlobalPrivacyControl,
        NotProfiledActionId = string.IsNullOrWhiteSpace(NotProfiledActionId) ? null : NotProfiledActionId.Trim(),
        RankCallsPerSecond = RankCallsPerSecond,
        RewardCallsPerSecond = RewardCallsPerSecond,
    };
}
