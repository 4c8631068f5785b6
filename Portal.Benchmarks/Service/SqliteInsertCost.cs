using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Decisions.Log;
using Portal.Infrastructure.Persistence;

namespace Portal.Benchmarks.Service;

/// <summary>
/// The decision log's write path without HTTP: the writer's own statements (<c>LogStatements</c>) on a migrated
/// database in WAL with synchronous=FULL, one transaction per batch, as <c>DecisionLogWriter</c> commits them.
/// Foreign keys are off here (no Loops row); every other pragma is Portal's.
/// </summary>
public static class SqliteInsertCost
{
    public static async Task<double> MicrosPerDecisionAsync(string requestJson, int batchSize, int batches)
    {
        var folder = Directory.CreateTempSubdirectory("portal-insert-cost-").FullName;
        try
        {
            var storage = new StorageOptions { DataDirectory = folder };
            await MigrateAsync(storage);
            await using var connection = await SqliteConnections.OpenAsync(storage, CancellationToken.None);
            using (var off = connection.CreateCommand()) { off.CommandText = "PRAGMA foreign_keys=OFF"; off.ExecuteNonQuery(); }
            using var statements = new LogStatements(connection);
            var ranking = """[{"id":"a3","probability":0.82},{"id":"a0","probability":0.02}]""" + new string(' ', 300);
            var explanation = """[{"feature":"user.tier=gold","contribution":0.1}]""" + new string(' ', 250);
            Run(connection, statements, requestJson, ranking, explanation, batchSize, 20);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            Run(connection, statements, requestJson, ranking, explanation, batchSize, batches);
            return clock.Elapsed.TotalMicroseconds / (batchSize * (double)batches);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    internal static async Task MigrateAsync(StorageOptions storage)
    {
        var options = new DbContextOptionsBuilder<PortalDbContext>().UseSqlite(SqliteConnections.ConnectionString(storage))
            // Without the app's DI the Identity part of the model differs; the Decisions table is what is measured.
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning)).Options;
        await using var db = new PortalDbContext(options);
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
    }

    private static void Run(Microsoft.Data.Sqlite.SqliteConnection connection, LogStatements statements, string requestJson,
        string ranking, string explanation, int batchSize, int batches)
    {
        for (var b = 0; b < batches; b++)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            statements.Transaction = transaction;
            for (var i = 0; i < batchSize; i++)
            {
                LogStatements.Run(statements.Insert(new DecisionRecord("demo", Guid.NewGuid().ToString("N"), DateTimeOffset.UtcNow, requestJson,
                    "a3", 0.82, "a0", false, 1, LearningMode.Online, ranking, explanation, false)));
            }
            transaction.Commit();
            statements.Transaction = null;
        }
    }
}
