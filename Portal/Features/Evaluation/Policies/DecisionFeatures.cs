using System.Text.Json;
using Portal.Features.Learning;

namespace Portal.Features.Evaluation.Policies;

/// <summary>
/// What the learner sees of one logged decision, read once and shared by every policy of a run: the context's features
/// without the loop's audit-only ones, each action's features (request order), which candidates the caller excluded,
/// where each of the evaluated decision's actions sits in the request, and the raw context (rules match on it). Valid
/// until the next decision is read: the buffers are reused.
/// </summary>
public sealed class DecisionFeatures
{
    internal FeatureSet Context { get; set; } = FeatureSet.Empty;
    internal FeatureSet[] Actions { get; set; } = [];

    /// <summary>Per request action: excluded by the caller (or frozen when the decision was logged).</summary>
    internal bool[] Excluded { get; set; } = [];

    /// <summary>Per evaluated action j: its index in the request's action list.</summary>
    internal int[] RequestIndex { get; set; } = [];

    internal List<JsonElement> RawContext { get; } = new(4);

    /// <summary>The request's action ids, in request order.</summary>
    internal string[] ActionIds { get; set; } = [];

    internal int RequestCount { get; set; }
    internal int EvaluatedCount { get; set; }

    /// <summary>Whether evaluated action <paramref name="j"/> could be served when the decision was made.</summary>
    public bool IsRankable(int j) => !Excluded[RequestIndex[j]];
}
