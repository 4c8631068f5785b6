namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// One candidate's stored estimates: IPS, SNIPS, DR (null without a reward model) and its SNIPS time series, with the
/// bounds its intervals were computed with (null in runs stored before they were kept).
/// </summary>
public sealed record StoredPolicyResult(
    StoredCandidate Candidate,
    StoredEstimate Ips,
    StoredEstimate Snips,
    StoredEstimate? Dr,
    IReadOnlyList<StoredTimelinePoint> Timeline,
    StoredBounds? Bounds = null)
{
    /// <summary>The estimate a summary reports: doubly robust when there is a reward model, else SNIPS.</summary>
    public StoredEstimate Primary => Dr is { } dr && double.IsFinite(dr.Value) ? dr : Snips;
}
