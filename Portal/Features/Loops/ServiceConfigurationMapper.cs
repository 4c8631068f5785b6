using System.Xml;
using Portal.Data.Entities;

namespace Portal.Features.Loops;

/// <summary>Translates between the API's ServiceConfiguration and a loop's settings, checking every field.</summary>
public static class ServiceConfigurationMapper
{
    public static readonly TimeSpan MinRewardWait = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxRewardWait = TimeSpan.FromDays(7);

    public static ServiceConfigurationContract ToContract(LoopSettings s) => new(
        XmlConvert.ToString(s.RewardWaitTime), s.DefaultReward, s.RewardAggregation.ToString().ToLowerInvariant(),
        s.ExplorationPercentage, XmlConvert.ToString(s.ModelExportFrequency), s.LogMirrorEnabled, s.LogMirrorSasUri,
        s.LogRetentionDays, s.LearningMode.ToString(), s.IsInferenceExplainabilityEnabled);

    /// <summary>Returns the settings, or an error message naming the first wrong field.</summary>
    public static (LoopSettings? Settings, string? Error) FromContract(ServiceConfigurationContract c, LoopSettings current)
    {
        if (Duration(c.RewardWaitTime, "rewardWaitTime") is { Error: { } e1 }) return (null, e1);
        if (Duration(c.ModelExportFrequency, "modelExportFrequency") is { Error: { } e2 }) return (null, e2);
        var wait = XmlConvert.ToTimeSpan(c.RewardWaitTime!);
        var settings = current with
        {
            RewardWaitTime = wait,
            ModelExportFrequency = XmlConvert.ToTimeSpan(c.ModelExportFrequency!),
            DefaultReward = c.DefaultReward ?? double.NaN,
            ExplorationPercentage = c.ExplorationPercentage ?? double.NaN,
            LogRetentionDays = c.LogRetentionDays ?? int.MinValue,
            LogMirrorEnabled = c.LogMirrorEnabled ?? false,
            LogMirrorSasUri = c.LogMirrorSasUri,
            IsInferenceExplainabilityEnabled = c.IsInferenceExplainabilityEnabled ?? false,
        };
        if (!Enum.TryParse<RewardAggregation>(c.RewardAggregation, ignoreCase: true, out var aggregation) || int.TryParse(c.RewardAggregation, out _))
            return (null, $"rewardAggregation must be 'earliest' or 'sum', not '{c.RewardAggregation}'.");
        settings = settings with { RewardAggregation = aggregation };
        if (c.LearningMode is not null)
        {
            if (!Enum.TryParse<LearningMode>(c.LearningMode, ignoreCase: true, out var mode) || int.TryParse(c.LearningMode, out _))
                return (null, $"learningMode must be Online, Apprentice or LoggingOnly, not '{c.LearningMode}'.");
            settings = settings with { LearningMode = mode };
        }
        return Validate(settings) is { } error ? (null, error) : (settings, null);
    }

    /// <summary>The rules every loop's settings obey, whether they come from the API or a page.</summary>
    public static string? Validate(LoopSettings s)
    {
        if (s.RewardWaitTime < MinRewardWait || s.RewardWaitTime > MaxRewardWait)
            return "rewardWaitTime must be between 1 second (PT1S) and 7 days (P7D).";
        if (s.ModelExportFrequency < TimeSpan.Zero || s.ModelExportFrequency > TimeSpan.FromDays(1))
            return "modelExportFrequency must be between 0 and 1 day (P1D).";
        if (double.IsNaN(s.DefaultReward)) return "defaultReward is required: a number between -1 and 1.";
        if (s.DefaultReward is < -1 or > 1) return $"defaultReward {s.DefaultReward} is outside [-1, 1].";
        if (double.IsNaN(s.ExplorationPercentage)) return "explorationPercentage is required: a number between 0 and 1.";
        if (s.ExplorationPercentage is < 0 or > 1) return $"explorationPercentage {s.ExplorationPercentage} is outside [0, 1].";
        if (s.LogRetentionDays == int.MinValue) return "logRetentionDays is required: a number of days, or -1 to keep logs forever.";
        if (s.LogRetentionDays is 0 or < -1 or > 36_500) return $"logRetentionDays {s.LogRetentionDays} must be -1 (forever) or between 1 and 36500.";
        if (s.LogMirrorSasUri is { Length: > 2048 }) return "logMirrorSasUri is longer than 2048 characters.";
        if (s.RankCallsPerSecond is < 0 or > 1_000_000) return $"The Rank limit {s.RankCallsPerSecond} must be between 0 (no limit) and 1000000 calls per second.";
        if (s.RewardCallsPerSecond is < 0 or > 1_000_000) return $"The Reward limit {s.RewardCallsPerSecond} must be between 0 (no limit) and 1000000 calls per second.";
        if (s.NotProfiledActionId is { } action && (action.Length is 0 or > 256 || action.Any(char.IsControl)))
            return "The not-profiled action must be an action id of 1 to 256 characters without control characters, or empty for the baseline.";
        return null;
    }

    private static (TimeSpan? Value, string? Error) Duration(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, $"{field} is required: an ISO 8601 duration such as PT10M.");
        try
        {
            return (XmlConvert.ToTimeSpan(text), null);
        }
        catch (FormatException)
        {
            return (null, $"{field} '{text}' is not an ISO 8601 duration such as PT10M.");
        }
        catch (OverflowException)
        {
            return (null, $"{field} '{text}' is too long.");
        }
    }
}
