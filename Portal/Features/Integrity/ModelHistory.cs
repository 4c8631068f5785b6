using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;

namespace Portal.Features.Integrity;

/// <summary>A loop's model snapshots with how the loop was doing when each was taken, and rolling back to one by hand.</summary>
public sealed class ModelHistory(ModelSnapshots snapshots, ModelResetService models, LoopDirectory loops, IDbContextFactory<PortalDbContext> dbFactory)
{
    /// <summary>The window before a snapshot whose rewards describe it.</summary>
    public static readonly TimeSpan RewardWindow = TimeSpan.FromHours(1);

    public async Task<IReadOnlyList<SnapshotView>> ListAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var views = new List<SnapshotView>();
        foreach (var snapshot in await snapshots.ListAsync(loopId, ct))
        {
            var since = snapshot.TakenAt - RewardWindow;
            var rewards = db.Decisions.Where(d => d.LoopId == loopId && d.CreatedAt >= since && d.CreatedAt < snapshot.TakenAt && d.Reward != null);
            var count = await rewards.CountAsync(ct);
            var mean = count == 0 ? (double?)null : await rewards.AverageAsync(d => d.Reward!.Value, ct);
            views.Add(new SnapshotView(snapshot.Id, snapshot.TakenAt, snapshot.LastTrainedSeq, snapshot.ExamplesLearned, mean, count));
        }
        return views;
    }

    /// <summary>False when the loop or the snapshot is unknown; the reason is required.</summary>
    public async Task<(bool Found, string? Error)> RollBackAsync(string loopId, string snapshotId, string? reason, Actor actor, CancellationToken ct)
    {
        if (loops.Find(loopId) is not { } loop) return (false, null);
        if (string.IsNullOrWhiteSpace(reason)) return (true, "reason is required: say why learning goes back.");
        if (reason.Length > QuarantineService.MaxReasonLength) return (true, $"reason is longer than {QuarantineService.MaxReasonLength} characters.");
        return (await models.RollBackAsync(loopId, loop.Policy, snapshotId, reason.Trim(), actor, ct), null);
    }
}

/// <param name="MeanReward">The mean reward of the decisions rewarded in the hour before the snapshot; null when none was.</param>
public sealed record SnapshotView(string Id, DateTimeOffset TakenAt, long LastTrainedDecision, long ExamplesLearned, double? MeanReward, int RewardedDecisions);
