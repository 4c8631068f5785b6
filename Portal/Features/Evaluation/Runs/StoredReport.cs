namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// What a finished run stores: the decisions read, each candidate's estimates, and the best learning policy that the
/// optimization grid found (null when it was not asked for).
/// </summary>
public sealed record StoredReport(long Decisions, IReadOnlyList<StoredPolicyResult> Policies, string? BestDiscovered)
{
    public static StoredReport From(EvaluationReport report, IReadOnlyList<StoredCandidate> candidates)
    {
        var byName = candidates.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var policies = report.Policies.Select(p => new StoredPolicyResult(
            byName.GetValueOrDefault(p.Candidate.Name) ?? new StoredCandidate(CandidateKind.Settings, p.Candidate.Name, null, PolicySources.Custom),
            StoredEstimate.From(p.Estimates.Ips),
            StoredEstimate.From(p.Estimates.Snips),
            p.Estimates.Dr is { } dr ? StoredEstimate.From(dr) : null,
            p.Timeline.Select(t => new StoredTimelinePoint(t.Start, StoredEstimate.From(t.Estimate), StoredSums.From(t.Sums))).ToList(),
            p.Bounds is { } bounds ? StoredBounds.From(bounds) : null)).ToList();
        var best = policies.Where(p => p.Candidate.Source == PolicySources.OfflineExperimentation && double.IsFinite(p.Primary.Value))
            .OrderByDescending(p => p.Primary.Value).FirstOrDefault();
        return new StoredReport(report.Decisions, policies, best?.Candidate.Name);
    }

    /// <summary>The learning policy with the highest estimate (online, custom or discovered), for Personalizer's optimalPolicy.</summary>
    public string? OptimalPolicy => Policies
        .Where(p => p.Candidate.Kind is CandidateKind.Settings or CandidateKind.Online && double.IsFinite(p.Primary.Value))
        .OrderByDescending(p => p.Primary.Value).FirstOrDefault()?.Candidate.Name;
}
