using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Loops;

/// <summary>
/// The in-memory directory of loops that Rank reads on every call: an immutable snapshot swapped whole after
/// every change (persist first, then <see cref="ReloadAsync"/>), so readers never lock or touch the database.
/// </summary>
public sealed class LoopDirectory(IDbContextFactory<PortalDbContext> dbFactory, ModelRegistry models, ILogger<LoopDirectory> logger) : ISharedState
{
    private sealed record Snapshot(FrozenDictionary<string, LoopRuntime> ByKeyHash, FrozenDictionary<string, LoopRuntime> ById);

    private volatile Snapshot current = new(FrozenDictionary<string, LoopRuntime>.Empty, FrozenDictionary<string, LoopRuntime>.Empty);
    private readonly SemaphoreSlim reloading = new(1, 1);

    public LoopRuntime? FindByKey(string apiKey) => current.ByKeyHash.GetValueOrDefault(ApiKeys.Hash(apiKey));

    public LoopRuntime? Find(string loopId) => current.ById.GetValueOrDefault(loopId);

    public IReadOnlyCollection<LoopRuntime> All => current.ById.Values;

    public async Task ReloadAsync(CancellationToken ct)
    {
        await reloading.WaitAsync(ct);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var loops = await db.Loops.AsNoTracking().ToListAsync(ct);
            var auditOnly = (await db.LoopFeatures.AsNoTracking().Where(f => f.AuditOnly).Select(f => new { f.LoopId, f.Path }).ToListAsync(ct))
                .ToLookup(f => f.LoopId, f => f.Path, StringComparer.Ordinal);
            var runtimes = new List<(string KeyHash, LoopRuntime Runtime)>(loops.Count);
            foreach (var loop in loops)
            {
                if (!PolicyParser.TryParse(loop.PolicyArguments, out var policy, out var error))
                {
                    logger.LogError("Loop {Loop} has an unreadable policy ({Error}); it is not served", loop.Id, error);
                    continue;
                }
                var learner = models.GetOrLoad(loop.Id, policy);
                runtimes.Add((loop.ApiKeyHash, new LoopRuntime(loop.Id, loop.Name, loop.Settings, loop.PolicyName, policy, learner.Slot,
                    auditOnly[loop.Id].ToFrozenSet(StringComparer.Ordinal))));
            }
            current = new Snapshot(
                runtimes.ToFrozenDictionary(r => r.KeyHash, r => r.Runtime, StringComparer.Ordinal),
                runtimes.ToFrozenDictionary(r => r.Runtime.Id, r => r.Runtime, StringComparer.Ordinal));
        }
        finally
        {
            reloading.Release();
        }
    }
}
