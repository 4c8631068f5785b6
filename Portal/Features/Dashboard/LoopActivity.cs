using Portal.Data.Entities;

namespace Portal.Features.Dashboard;

/// <summary>One loop's activity for the overview page.</summary>
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
    long ExamplesLearned);

/// <summary>A recent decision, as the overview lists it.</summary>
public sealed record RecentDecision(string LoopId, string EventId, DateTimeOffset CreatedAt, string ChosenActionId,
    double Probability, bool Explored, double? Reward);
