using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Infrastructure.Cluster;

namespace Portal.Features.Learning.Models;

/// <summary>
/// Earlier states of each loop's model, kept in the database (<c>StoredModelSnapshots</c>) so that learning can be rolled
/// back to before a bad window from any node. A snapshot's id says when it was taken, up to which decision it had learned
/// and from how many examples. The oldest beyond the kept count are deleted.
/// </summary>
public sealed class ModelSnapshots(IDbContextFactory<PortalDbContext> dbFactory, TimeProvider clock)
{
    public sealed record Snapshot(string Id, DateTimeOffset TakenAt, long LastTrainedSeq, long ExamplesLearned);

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<Snapshot>> ListAsync(string loopId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await ListAsync(db, loopId, ct);
    }

    /// <summary>The newest snapshot that had learned nothing after <paramref name="seq"/>, or null.</summary>
    public async Task<Snapshot?> LatestUpToAsync(string loopId, long seq, CancellationToken ct) =>
        (await ListAsync(loopId, ct)).FirstOrDefault(s => s.LastTrainedSeq <= seq);

    /// <summary>
    /// Keeps the learner as a snapshot and deletes the oldest beyond <paramref name="keep"/>. With <paramref name="term"/>
    /// (the trainer) nothing is written unless the node still holds the lease. False when it was not kept.
    /// </summary>
    public async Task<bool> TakeAsync(string loopId, OnlineLearner learner, long lastTrainedSeq, DateTimeOffset at, int keep, LeaseTerm? term,
        CancellationToken ct)
    {
        var id = IdOf(at, lastTrainedSeq, learner.ExamplesLearned);
        var data = ModelBytes.Write(learner);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (term is not null && !await LeaseTable.FenceAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), TrainerLease.Name, term,
                clock.GetUtcNow(), ct)) return false;
        if (!await db.StoredModelSnapshots.AnyAsync(s => s.LoopId == loopId && s.Id == id, ct))
            db.StoredModelSnapshots.Add(new StoredModelSnapshot
            {
                LoopId = loopId, Id = id, TakenAt = at, LastTrainedSeq = lastTrainedSeq, ExamplesLearned = learner.ExamplesLearned, Data = data,
            });
        await db.SaveChangesAsync(ct);
        var old = (await ListAsync(db, loopId, ct)).Skip(keep).Select(s => s.Id).ToList();
        if (old.Count > 0) await db.StoredModelSnapshots.Where(s => s.LoopId == loopId && old.Contains(s.Id)).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The snapshot's learner, or null for an unknown id.</summary>
    public async Task<ModelStore.Stored?> LoadAsync(string loopId, string id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.StoredModelSnapshots.AsNoTracking().Where(s => s.LoopId == loopId && s.Id == id)
            .Select(s => new { s.Data, s.LastTrainedSeq }).FirstOrDefaultAsync(ct);
        return row is null ? null : new ModelStore.Stored(ModelBytes.Read(row.Data), row.LastTrainedSeq);
    }

    internal static string IdOf(DateTimeOffset at, long lastTrainedSeq, long examplesLearned) =>
        string.Create(CultureInfo.InvariantCulture, $"{at.ToUnixTimeMilliseconds()}-{lastTrainedSeq}-{examplesLearned}");

    private static async Task<List<Snapshot>> ListAsync(PortalDbContext db, string loopId, CancellationToken ct)
    {
        var rows = await db.StoredModelSnapshots.AsNoTracking().Where(s => s.LoopId == loopId)
            .Select(s => new Snapshot(s.Id, s.TakenAt, s.LastTrainedSeq, s.ExamplesLearned)).ToListAsync(ct);
        return rows.OrderByDescending(s => s.LastTrainedSeq).ThenByDescending(s => s.TakenAt).ToList();
    }
}
