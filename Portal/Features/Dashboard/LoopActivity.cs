using Portal.Data.Entities;

namespace Portal.Features.Dashboard;

/// <summary>One loop's activity for the overview page, with the oldest decision it holds and its log retention (-1: forever).</summary>
public sealed record LoopActivity(
    string LoopId,
    string Name,
    LearningMode Mode,
    int ActionCount,
    int DecisionsLastMinute,
    int SettledLastHour,
    double? AverageReward,
    double? BaselineReward,
    long ModelVersion,
    long ExamplesLearned,
    DateTimeOffset? OldestDecisionAt,
    int LogRetentionDays);

/// <summary>A recent decision, as the overview lists it.</summary>
public sealed record RecentDecision(string LoopId, string EventId, DateTimeOffset CreatedAt, string ChosenActionId,
    double Probability, bool Explored, double? Reward);
