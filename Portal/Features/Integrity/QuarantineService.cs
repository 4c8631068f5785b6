using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Audit;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Integrity;

/// <summary>
/// Takes a suspect time window of a loop out of learning: the quarantine is stored with its audit entry first (from
/// then on the trainer skips the window), then, if the model has already learned from the window, learning is rolled
/// back to the newest snapshot from before it and the trainer re-learns the log without it. Rank keeps serving.
/// </summary>
public sealed class QuarantineService(
    IDbContextFactory<PortalDbContext> dbFactory,
    LoopDirectory loops,
    ModelResetService models,
    ServingChanges changes,
    ActorAuthorization authorization,
    TimeProvider clock)
{
    public const int MaxReasonLength = 2000;

    public sealed record Outcome(bool Found, string? Field, string? Error, QuarantineView? Quarantine)
    {
        public bool Succeeded => Found && Error is null;

        public static Outcome NotFound { get; } = new(false, null, null, null);

        public static Outcome Refused(string field, string error) => new(true, field, error, null);
    }

    /// <param name="source">Only the decisions rewarded from this source (as <see cref="Decisions.RewardSources"/> names it); null: all of the window.</param>
    public async Task<Outcome> QuarantineAsync(string loopId, DateTimeOffset? from, DateTimeOffset? to, string? source, string? reason, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Oversee, loopId);
        if (loops.Find(loopId) is not { } loop) return Outcome.NotFound;
        if (Problem(from, to, reason, clock.GetUtcNow(), source) is { } problem) return Outcome.Refused(problem.Field, problem.Error);

        var window = (From: from!.Value, To: to!.Value, Source: string.IsNullOrWhiteSpace(source) ? null : source.Trim());
        var stored = await changes.ApplyAsync(actor, async db =>
        {
            var decisions = db.Decisions.Where(d => d.LoopId == loopId && d.CreatedAt >= window.From && d.CreatedAt < window.To);
            if (window.Source is not null) decisions = decisions.Where(d => d.RewardSource == window.Source);
            var quarantine = new Quarantine
            {
                LoopId = loopId, From = window.From, To = window.To, Source = window.Source, Reason = reason!.Trim(), CreatedById = actor.UserId,
                CreatedByName = actor.Name, CreatedAt = clock.GetUtcNow(),
            };
            db.Quarantines.Add(quarantine);
            await db.SaveChangesAsync(ct);
            var counted = new QuarantineCount(await decisions.CountAsync(ct), await decisions.MinAsync(d => (long?)d.Seq, ct));
            var record = new AuditRecord("loop.quarantine", "quarantine", quarantine.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), loopId,
                After: AuditRecord.Json(new { from = window.From, to = window.To, source = window.Source, decisions = counted.Decisions }), Reason: quarantine.Reason);
            return AuditedChange<(Quarantine, QuarantineCount)>.Made((quarantine, counted), record);
        }, _ => Task.CompletedTask, ct);

        var (saved, count) = stored;
        if (count.FirstSeq is { } firstSeq
            && await models.ForgetFromAsync(loopId, loop.Policy, firstSeq, $"Quarantine #{saved.Id}: {saved.Reason}", actor, ct) is { } rolledBackTo)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.Quarantines.Where(q => q.Id == saved.Id).ExecuteUpdateAsync(q => q.SetProperty(x => x.RolledBackTo, rolledBackTo), ct);
            saved.RolledBackTo = rolledBackTo;
        }
        return new Outcome(true, null, null, QuarantineView.Of(saved, count.Decisions));
    }

    /// <summary>The loop's quarantines, newest first, each with how many logged decisions it holds now.</summary>
    public async Task<IReadOnlyList<QuarantineView>> ListAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quarantines = await db.Quarantines.AsNoTracking().Where(q => q.LoopId == loopId).OrderByDescending(q => q.Id).ToListAsync(ct);
        var views = new List<QuarantineView>(quarantines.Count);
        foreach (var q in quarantines)
        {
            // The source test only when there is one: "(@source IS NULL OR …)" can keep SQLite off the (LoopId, CreatedAt) index.
            var window = db.Decisions.Where(d => d.LoopId == loopId && d.CreatedAt >= q.From && d.CreatedAt < q.To);
            if (q.Source is not null) window = window.Where(d => d.RewardSource == q.Source);
            views.Add(QuarantineView.Of(q, await window.CountAsync(ct)));
        }
        return views;
    }

    /// <summary>The first thing wrong with a requested window, naming its field; null when it can be quarantined.</summary>
    public static (string Field, string Error)? Problem(DateTimeOffset? from, DateTimeOffset? to, string? reason, DateTimeOffset now, string? source = null) =>
        !IsSource(source) ? ("source", "source must be a reward source as findings name it (16 hexadecimal digits, or \"unknown\"), or empty for every decision of the window.")
        : from is null ? ("from", "from is required: the start of the window.")
        : to is null ? ("to", "to is required: the end of the window.")
        : to <= from ? ("to", "to must be after from.")
        : from > now ? ("from", "from is in the future: only decisions already made can be quarantined.")
        : string.IsNullOrWhiteSpace(reason) ? ("reason", "reason is required: say what was suspected.")
        : reason.Length > MaxReasonLength ? ("reason", $"reason is longer than {MaxReasonLength} characters.")
        : null;

    private static bool IsSource(string? source) =>
        string.IsNullOrWhiteSpace(source) || source.Trim() == Decisions.RewardSources.Unknown
        || (source.Trim().Length == 16 && source.Trim().All(c => char.IsAsciiHexDigitLower(c) || char.IsAsciiDigit(c)));

    private sealed record QuarantineCount(int Decisions, long? FirstSeq);
}

/// <summary>A quarantine as pages and the API show it.</summary>
public sealed record QuarantineView(long Id, DateTimeOffset From, DateTimeOffset To, string Reason, string CreatedBy, DateTimeOffset CreatedAt,
    int Decisions, string? RolledBackTo, string? Source = null)
{
    public static QuarantineView Of(Quarantine q, int decisions) =>
        new(q.Id, q.From, q.To, q.Reason, q.CreatedByName, q.CreatedAt, decisions, q.RolledBackTo, q.Source);
}
