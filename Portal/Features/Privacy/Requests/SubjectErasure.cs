using Portal.Infrastructure.Security;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// Erases everything held about one person (a user id, a contact email address, or both), holder by holder in short batches, then (only when the administrator
/// chooses it) the opt-out entries. The audit entry names the actor, the person's keyed hash and the counts erased, also
/// when the erasure is cancelled or fails half-way. Decisions logged after the erasure began are not in it: opting the
/// user out first keeps their contexts out of the log.
/// </summary>
public sealed class SubjectErasure(IEnumerable<IPersonalData> holders, DataSubjects subjects, OptOutRegistry registry, SubjectAudit audit,
    ActorAuthorization authorization)
{
    /// <param name="query">A query that passed <see cref="SubjectQuery.Problem"/>.</param>
    /// <param name="removeOptOuts">Also forget that the user opted out, so that Portal personalizes for them again (needs the user id).</param>
    public async Task<ErasureResult> EraseAsync(SubjectQuery query, bool removeOptOuts, Actor actor, IProgress<RequestProgress>? progress, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.HandleDataSubjectRequests);
        var erasure = new Erasure(subjects.Of(query), actor);
        removeOptOuts &= erasure.Subject.UserId is not null;
        var outcome = ErasureOutcome.Failed;
        try
        {
            foreach (var holder in holders.OrderBy(h => h.ErasureOrder)) await holder.EraseAsync(erasure, new StepProgress(progress, holder.Step), ct);
            if (removeOptOuts)
            {
                progress?.Report(new RequestProgress(SubjectSearch.OptOutsLabel, 0));
                erasure.Add(SubjectSearch.OptOutsKind, SubjectSearch.OptOutsLabel, await registry.ForgetAsync(erasure.Subject.UserId!, actor, ct));
            }
            outcome = ErasureOutcome.Completed;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            outcome = ErasureOutcome.Cancelled;
        }
        finally
        {
            // Recorded whatever happened, and even if the page that asked is gone.
            await audit.RecordAsync(actor, SubjectAudit.EraseAction, erasure.Subject, new
            {
                outcome,
                erased = erasure.Erased.ToDictionary(c => c.Kind, c => c.Count),
                optOuts = removeOptOuts ? "removed" : "kept",
            }, CancellationToken.None);
        }
        return new ErasureResult(erasure.Erased, outcome, OptOutsKept: !removeOptOuts);
    }
}
