using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accountability.GoLive;

/// <summary>
/// Records and withdraws go-live reviews (policy <see cref="PortalPolicies.ReviewGoLive"/>). Each change is stored with
/// its audit entry in one transaction, then published to the control state, so the next Rank obeys it. Rows are never
/// rewritten: withdrawing marks the review in force, recording again adds the next version.
/// </summary>
public sealed class GoLiveReviews(ServingChanges changes, ActorAuthorization authorization, IGoLiveGate gate, IOptOutTraffic traffic, TimeProvider clock)
{
    public const string RecordAction = "loop.golive.review";
    public const string WithdrawAction = "loop.golive.withdraw";
    public const string DemoNote = "The demo loop: simulated traffic, no real people. Recorded by Portal when it created the demo so that the demo shows learning.";
    public const string MigrationNote = "Recorded as reviewed at migration: the loop was serving before go-live reviews existed. The checklist was not filled in.";

    public async Task<GoLiveOutcome> RecordAsync(string loopId, GoLiveChecklist checklist, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ReviewGoLive);
        // Everything but the note's dependence on the statement can be judged before the database is touched.
        if (checklist.Problems(statementPublished: true).FirstOrDefault() is { } problem) return GoLiveOutcome.Invalid(problem);
        // The audit entry keeps what the traffic showed beside the reviewer's attestation that opt-out is wired.
        var seen = await traffic.OfAsync(loopId, ct);
        return await AddAsync(loopId, actor, seen, statement => checklist.NoteError(statement is not null), statement => new GoLiveReview
        {
            LoopId = loopId, Source = GoLiveReviewSource.Person, LegalReviewDone = true, LegalReference = checklist.LegalReference.Trim(),
            SensitiveFeaturesChecked = true, OptOutWired = true, StatementVersion = statement,
            Note = string.IsNullOrWhiteSpace(checklist.Note) ? null : checklist.Note.Trim(), RecordedByName = actor.Name, RecordedById = actor.UserId,
        }, ct);
    }

    /// <summary>The demo loop's review, recorded by Portal as it provisions the demo (labelled as the demo's, audited as Portal's).</summary>
    public Task<GoLiveOutcome> RecordForDemoAsync(string loopId, CancellationToken ct) =>
        AddAsync(loopId, Actor.System, traffic: null, _ => null, statement => new GoLiveReview
        {
            LoopId = loopId, Source = GoLiveReviewSource.Demo, LegalReference = "", StatementVersion = statement, Note = DemoNote,
            RecordedByName = Actor.System.Name,
        }, ct);

    public async Task<GoLiveOutcome> WithdrawAsync(string loopId, string? reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.ReviewGoLive);
        if (AuditTrail.ReasonProblem(reason) is { } problem) return GoLiveOutcome.Invalid(problem);
        return await changes.ApplyAsync(actor, async db =>
        {
            if (!await db.Loops.AnyAsync(l => l.Id == loopId, ct)) return AuditedChange<GoLiveOutcome>.Refused(GoLiveOutcome.NotFound(loopId));
            var row = await db.GoLiveReviews.SingleOrDefaultAsync(r => r.LoopId == loopId && r.WithdrawnAt == null, ct);
            if (row is null)
                return AuditedChange<GoLiveOutcome>.Refused(GoLiveOutcome.Conflict($"Loop '{loopId}' has no go-live review in force: it serves the baseline already."));
            row.WithdrawnAt = clock.GetUtcNow();
            row.WithdrawnById = actor.UserId;
            row.WithdrawnByName = actor.Name;
            row.WithdrawReason = reason!.Trim();
            return AuditedChange<GoLiveOutcome>.Made(GoLiveOutcome.Done, new AuditRecord(WithdrawAction, "loop", loopId, loopId,
                AuditRecord.Json(new { version = row.Version, reviewedBy = row.RecordedByName }), AuditRecord.Json(new { awaitingReview = true }), row.WithdrawReason));
        }, gate.PublishAsync, ct);
    }

    /// <summary>The audit record of a review as recorded (also written for the reviews the migration recorded), with the opt-out traffic the reviewer saw, if any.</summary>
    public static AuditRecord AuditOf(GoLiveReview row, OptOutTraffic? traffic = null) => new(RecordAction, "loop", row.LoopId, row.LoopId, After: AuditRecord.Json(new
    {
        version = row.Version, source = row.Source, legalReviewDone = row.LegalReviewDone, legalReference = row.LegalReference,
        sensitiveFeaturesChecked = row.SensitiveFeaturesChecked, optOutWired = row.OptOutWired, statementVersion = row.StatementVersion,
        optOutTraffic = traffic is null ? null : new { decisions = traffic.Decisions, withUserId = traffic.WithUserId, optedOut = traffic.OptedOut },
    }), Reason: row.Note);

    /// <param name="noteProblem">Judges the note once the loop's newest statement version is known (null: none published).</param>
    private Task<GoLiveOutcome> AddAsync(string loopId, Actor actor, OptOutTraffic? traffic, Func<int?, string?> noteProblem, Func<int?, GoLiveReview> review,
        CancellationToken ct) =>
        changes.ApplyAsync(actor, async db =>
        {
            if (!await db.Loops.AnyAsync(l => l.Id == loopId, ct)) return AuditedChange<GoLiveOutcome>.Refused(GoLiveOutcome.NotFound(loopId));
            var rows = db.GoLiveReviews.Where(r => r.LoopId == loopId);
            if (await rows.AnyAsync(r => r.WithdrawnAt == null, ct))
                return AuditedChange<GoLiveOutcome>.Refused(GoLiveOutcome.Conflict($"Loop '{loopId}' has a go-live review in force already; withdraw it to record a new one."));
            var statement = await db.DataHandlingStatements.Where(s => s.LoopId == loopId).MaxAsync(s => (int?)s.Version, ct);
            if (noteProblem(statement) is { } problem) return AuditedChange<GoLiveOutcome>.Refused(GoLiveOutcome.Invalid(problem));
            var row = review(statement);
            row.Version = (await rows.MaxAsync(r => (int?)r.Version, ct) ?? 0) + 1;
            row.RecordedAt = clock.GetUtcNow();
            db.GoLiveReviews.Add(row);
            return AuditedChange<GoLiveOutcome>.Made(GoLiveOutcome.Done, AuditOf(row, traffic));
        }, gate.PublishAsync, ct);
}
