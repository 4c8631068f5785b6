using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Portal.Data;
using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Learning.Models;

/// <summary>
/// Each loop's current model in the database (<c>StoredModels</c>), with the last decision it learned from, so a restart
/// (or a new trainer on another node) resumes exactly where training stopped and every node serves the same model. A
/// save is one row written in one transaction: never half a model.
/// </summary>
public sealed class ModelStore(IDbContextFactory<PortalDbContext> dbFactory, TrainerLease lease, TimeProvider clock)
{
    public sealed record Stored(OnlineLearner Learner, long LastTrainedSeq);

    /// <summary>A stored model with its row's counters: <see cref="Version"/> per save, <see cref="Generation"/> per replacement.</summary>
    public sealed record Loaded(Stored Model, long Version, long Generation);

    /// <summary>The row's counters after a write.</summary>
    public readonly record struct Saved(long Version, long Generation);

    public enum SaveOutcome { Saved, LeaseLost, Replaced }

    // The trainer's save: only over the same generation (a reset or rollback since then wins), or the first row.
    private const string Update = """
        UPDATE StoredModels SET Version = Version + 1, LastTrainedSeq = $seq, ExamplesLearned = $examples, ModelVersion = $modelVersion,
               SavedAt = $at, SavedBy = $by, Data = $data
        WHERE LoopId = $loop AND Generation = $generation
        RETURNING Version, Generation
        """;

    private const string Insert = """
        INSERT INTO StoredModels (LoopId, Version, Generation, LastTrainedSeq, ExamplesLearned, ModelVersion, SavedAt, SavedBy, Data)
        VALUES ($loop, 1, $generation, $seq, $examples, $modelVersion, $at, $by, $data)
        ON CONFLICT (LoopId) DO NOTHING
        RETURNING Version, Generation
        """;

    // A reset or rollback: a new generation, whoever trains.
    private const string Replace = """
        UPDATE StoredModels SET Version = Version + 1, Generation = Generation + 1, LastTrainedSeq = $seq, ExamplesLearned = $examples,
               ModelVersion = $modelVersion, SavedAt = $at, SavedBy = $by, Data = $data
        WHERE LoopId = $loop
        RETURNING Version, Generation
        """;

    private const string Select = "SELECT Data, LastTrainedSeq, Version, Generation FROM StoredModels WHERE LoopId = $loop";

    private static readonly string[] Parameters = ["$seq", "$examples", "$modelVersion", "$at", "$by", "$data", "$loop", "$generation"];
    private static readonly string[] ReplaceParameters = Parameters[..^1];

    public Loaded? Load(string loopId)
    {
        using var db = dbFactory.CreateDbContext();
        db.Database.OpenConnection();
        using var select = DbCommands.Prepare(db.Database.GetDbConnection(), Select, "$loop");
        DbCommands.Bind(select, loopId);
        using var row = select.ExecuteReader();
        if (!row.Read()) return null;
        var learner = ModelBytes.Read(row.GetFieldValue<byte[]>(0));
        return new Loaded(new Stored(learner, row.GetInt64(1)), row.GetInt64(2), row.GetInt64(3));
    }

    /// <summary>Every loop's stored version: the one cheap query a node polls to see a newer model.</summary>
    public async Task<Dictionary<string, (long Version, long Generation)>> VersionsAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StoredModels.AsNoTracking().ToDictionaryAsync(m => m.LoopId, m => (m.Version, m.Generation), StringComparer.Ordinal, ct);
    }

    /// <summary>
    /// The trainer's save, fenced twice in one transaction: by the lease (<paramref name="term"/> must still hold it) and
    /// by the generation its learner descends from (a reset or rollback made on any node since then is not overwritten).
    /// </summary>
    public async Task<(SaveOutcome Outcome, Saved Row)> SaveAsync(string loopId, OnlineLearner learner, long lastTrainedSeq, long generation,
        LeaseTerm term, CancellationToken ct)
    {
        var data = ModelBytes.Write(learner);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        await using var transaction = await connection.BeginTransactionAsync(ct);
        if (!await LeaseTable.FenceAsync(connection, transaction, TrainerLease.Name, term, clock.GetUtcNow(), ct)) return (SaveOutcome.LeaseLost, default);
        var values = Values(loopId, learner, lastTrainedSeq, generation, data, term.Holder);
        var row = await WriteAsync(connection, transaction, Update, Parameters, values, ct) ?? await WriteAsync(connection, transaction, Insert, Parameters, values, ct);
        if (row is null) return (SaveOutcome.Replaced, default);
        await transaction.CommitAsync(ct);
        return (SaveOutcome.Saved, row.Value);
    }

    /// <summary>
    /// Replaces the loop's model inside the caller's transaction (a reset or rollback, with its audit entry), from any
    /// node: a new generation, so the trainer's next save of the old model is refused and it loads this one.
    /// </summary>
    public async Task<Saved> ReplaceAsync(PortalDbContext db, string loopId, OnlineLearner learner, long lastTrainedSeq, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var values = Values(loopId, learner, lastTrainedSeq, generation: 1, ModelBytes.Write(learner), lease.NodeId);
        // No row yet: insert one. If the trainer's first save inserted it in between (PostgreSQL's INSERT … ON CONFLICT
        // then waits for it and does nothing), the row is there now and replacing it succeeds.
        return await WriteAsync(connection, transaction, Replace, ReplaceParameters, values[..^1], ct)
            ?? await WriteAsync(connection, transaction, Insert, Parameters, values, ct)
            ?? await WriteAsync(connection, transaction, Replace, ReplaceParameters, values[..^1], ct)
            ?? throw new InvalidOperationException($"The model of loop '{loopId}' could be neither replaced nor inserted.");
    }

    private object[] Values(string loopId, OnlineLearner learner, long lastTrainedSeq, long generation, byte[] data, string by) =>
        [lastTrainedSeq, learner.ExamplesLearned, learner.Version, clock.GetUtcNow().ToUnixTimeMilliseconds(), by, data, loopId, generation];

    private static async Task<Saved?> WriteAsync(DbConnection connection, DbTransaction? transaction, string sql, string[] names, object[] values,
        CancellationToken ct)
    {
        await using var command = DbCommands.Prepare(connection, transaction, sql, names);
        DbCommands.Bind(command, values);
        await using var row = await command.ExecuteReaderAsync(ct);
        return await row.ReadAsync(ct) ? new Saved(row.GetInt64(0), row.GetInt64(1)) : null;
    }
}
