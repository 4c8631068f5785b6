using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Loops;

/// <summary>Read models of loops and their action catalogs for the portal's pages.</summary>
public sealed class LoopQueries(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record LoopSummary(string Id, string Name, string KeyHint, DateTimeOffset KeyCreatedAt, LearningMode Mode, int ActionCount);

    public sealed record LoopDetail(string Id, string Name, string KeyHint, DateTimeOffset KeyCreatedAt, LoopSettings Settings,
        string PolicyName, string PolicyArguments);

    public sealed record CatalogAction(string ActionId, string? DisplayName, string FeaturesJson, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt);

    public async Task<IReadOnlyList<LoopSummary>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var loops = await db.Loops.AsNoTracking().OrderBy(l => l.Id).ToListAsync(ct);
        var counts = await db.LoopActions.GroupBy(a => a.LoopId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return loops.Select(l => new LoopSummary(l.Id, l.Name, l.ApiKeyHint, l.KeyCreatedAt, l.Settings.LearningMode,
            counts.GetValueOrDefault(l.Id))).ToList();
    }

    public async Task<LoopDetail?> GetAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Loops.AsNoTracking().Where(l => l.Id == loopId)
            .Select(l => new LoopDetail(l.Id, l.Name, l.ApiKeyHint, l.KeyCreatedAt, l.Settings, l.PolicyName, l.PolicyArguments))
            .FirstOrDefaultAsync(ct);
    }

    public async Task<IReadOnlyList<CatalogAction>> ActionsAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LoopActions.AsNoTracking().Where(a => a.LoopId == loopId).OrderBy(a => a.ActionId)
            .Select(a => new CatalogAction(a.ActionId, a.DisplayName, a.FeaturesJson, a.FirstSeenAt, a.LastSeenAt))
            .ToListAsync(ct);
    }
}
