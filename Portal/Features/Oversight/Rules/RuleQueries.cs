using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Oversight.Rules;

/// <summary>The rules page's list (and the count of rules waiting for approval, for the navigation).</summary>
public sealed class RuleQueries(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxRows = 500;

    /// <summary>Newest first; <paramref name="openOnly"/> keeps rules that wait, act or will act.</summary>
    public async Task<IReadOnlyList<RuleView>> ListAsync(string? loopId, bool openOnly, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.OverrideRules.AsNoTracking();
        if (loopId is not null) query = query.Where(r => r.LoopId == loopId);
        if (openOnly) query = query.Where(r => r.Status == RuleStatus.PendingApproval || r.Status == RuleStatus.Approved);
        var now = clock.GetUtcNow();
        var rules = await query.OrderByDescending(r => r.Id).Take(MaxRows).ToListAsync(ct);
        return rules.Select(r => View(r, now)).Where(r => !openOnly || r.IsOpen).ToList();
    }

    public async Task<RuleView?> GetAsync(long id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OverrideRules.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } rule ? View(rule, clock.GetUtcNow()) : null;
    }

    public async Task<int> PendingCountAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OverrideRules.CountAsync(r => r.Status == RuleStatus.PendingApproval, ct);
    }

    public static RuleState StateOf(OverrideRule rule, DateTimeOffset now) => rule.Status switch
    {
        RuleStatus.Rejected => RuleState.Rejected,
        RuleStatus.Revoked => RuleState.Revoked,
        _ when rule.ExpiresAt <= now => RuleState.Expired,
        RuleStatus.PendingApproval => RuleState.PendingApproval,
        _ when rule.StartsAt > now => RuleState.Scheduled,
        _ => RuleState.Acting,
    };

    private static RuleView View(OverrideRule r, DateTimeOffset now) => new(
        r.Id, r.LoopId, r.SegmentName, r.PredicateJson, r.Kind, JsonSerializer.Deserialize<string[]>(r.ActionIdsJson) ?? [],
        r.Reason, r.Priority, r.StartsAt, r.ExpiresAt, StateOf(r, now), r.AuthorId, r.AuthorName, r.CreatedAt, r.ReviewerName, r.ReviewNote);
}
