using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// Finds what is held about one person (a user id, a contact email address, or both): what every feature that keeps
/// personal data holds (<see cref="IPersonalData"/>: decisions of any loop, feedback tickets) and the opt-out registry's
/// entries. Reading a million decisions takes seconds, so progress is reported per step.
/// </summary>
public sealed class SubjectSearch(IEnumerable<IPersonalData> holders, DataSubjects subjects, OptOutRegistry registry, ActorAuthorization authorization)
{
    public const string OptOutsKind = "optOuts";
    public const string OptOutsLabel = "Opt-out entries";

    // Looked at in the order they are erased, so the page lists the kinds as the erasure will go through them.
    private readonly IReadOnlyList<IPersonalData> ordered = holders.OrderBy(h => h.ErasureOrder).ToList();

    /// <param name="query">A query that passed <see cref="SubjectQuery.Problem"/>.</param>
    public async Task<SubjectFindings> FindAsync(SubjectQuery query, Actor actor, IProgress<RequestProgress>? progress, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.HandleDataSubjectRequests);
        var subject = subjects.Of(query);
        var counts = new List<HeldCount>();
        foreach (var holder in ordered) counts.AddRange(await holder.CountAsync(subject, new StepProgress(progress, holder.Step), ct));
        var optOuts = subject.UserId is { } userId ? await registry.EntriesOfAsync(userId, ct) : [];
        counts.Add(new HeldCount(OptOutsKind, OptOutsLabel, optOuts.Count,
            optOuts.Count == 0 ? null : "in " + string.Join(", ", optOuts.Select(o => o.LoopId))));
        return new SubjectFindings(subject, counts);
    }
}
