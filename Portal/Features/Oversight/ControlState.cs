using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accountability.GoLive;
using Portal.Features.Segments;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Notifications;

namespace Portal.Features.Oversight;

/// <summary>
/// The in-memory control state that Rank reads on every call: one immutable <see cref="OversightSnapshot"/> behind a
/// volatile reference. The oversight services persist and audit a change first, then call <see cref="ReloadAsync"/>,
/// which swaps in a new snapshot (so the next Rank obeys it) and tells open pages. It is also the go-live gate: a loop
/// without a go-live review in force serves the baseline, read from the same snapshot.
/// </summary>
public sealed class ControlState(IDbContextFactory<PortalDbContext> dbFactory, GoLiveQueries goLive, TimeProvider clock, ILogger<ChangeSignal> signalLogger)
    : IHostedService, IGoLiveGate, ISharedState
{
    private readonly SemaphoreSlim reloading = new(1, 1);
    private volatile OversightSnapshot current = OversightSnapshot.Empty;

    public OversightSnapshot Current => current;

    public ChangeSignal Changed { get; } = new(signalLogger);

    public async Task ReloadAsync(CancellationToken ct)
    {
        await reloading.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var controls = await db.LoopControls.AsNoTracking().ToDictionaryAsync(c => c.Scope, ct);
            var freezes = (await db.ActionFreezes.AsNoTracking().Where(f => f.LiftedAt == null).ToListAsync(ct))
                .Where(f => f.IsActiveAt(now)).ToList();
            var rules = (await db.OverrideRules.AsNoTracking().Where(r => r.Status == RuleStatus.Approved).ToListAsync(ct))
                .Where(r => r.ExpiresAt is null || r.ExpiresAt > now).ToList();

            var reviewed = await goLive.ReviewedLoopIdsAsync(ct);

            var loopIds = controls.Keys.Where(k => k != LoopControl.GlobalScope)
                .Concat(freezes.Select(f => f.LoopId)).Concat(rules.Select(r => r.LoopId)).Concat(reviewed).Distinct(StringComparer.Ordinal);
            var (freezesOf, rulesOf) = (freezes.ToLookup(f => f.LoopId, StringComparer.Ordinal), rules.ToLookup(r => r.LoopId, StringComparer.Ordinal));
            var loops = loopIds.ToFrozenDictionary(id => id, id => Build(controls.GetValueOrDefault(id),
                freezesOf[id], rulesOf[id], awaitingGoLive: !reviewed.Contains(id)), StringComparer.Ordinal);

            var global = controls.GetValueOrDefault(LoopControl.GlobalScope);
            current = new OversightSnapshot(current.Version + 1, global?.KillSwitchOn == true, global?.KillSwitchReason, loops);
        }
        finally
        {
            reloading.Release();
        }
        Changed.Raise();
    }

    private static LoopOversight Build(LoopControl? control, IEnumerable<ActionFreeze> freezes, IEnumerable<OverrideRule> rules, bool awaitingGoLive) => new(
        control?.KillSwitchOn == true,
        control?.KillSwitchReason,
        control?.ModelFrozen == true,
        control?.RequireRuleApproval ?? true,
        freezes.ToFrozenDictionary(f => f.ActionId,
            f => new ActiveFreeze(f.Id, f.ActionId, f.Reason, f.FrozenByName, f.FrozenAt, f.ExpiresAt), StringComparer.Ordinal),
        rules.OrderByDescending(r => r.Priority).ThenByDescending(r => r.Id).Select(Compile).ToList(),
        awaitingGoLive);

    private static ActiveRule Compile(OverrideRule rule) => new(
        rule.Id, rule.Kind,
        JsonSerializer.Deserialize<string[]>(rule.ActionIdsJson) ?? [],
        SegmentPredicate.Compile(SegmentJson.ReadStored(rule.PredicateJson)),
        rule.SegmentName, rule.Priority, rule.StartsAt, rule.ExpiresAt);

    /// <summary>A go-live review was recorded or withdrawn: the next Rank obeys it once this returns.</summary>
    Task IGoLiveGate.PublishAsync(CancellationToken ct) => ReloadAsync(ct);

    public Task StartAsync(CancellationToken cancellationToken) => ReloadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
