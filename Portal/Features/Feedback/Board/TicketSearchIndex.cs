using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Features.Feedback.Board;

/// <summary>
/// The quick search's index of ticket messages, so that a search for any text of three or more characters finds it
/// anywhere in a message, in any case (as LIKE '%text%' would on SQLite) without reading every ticket. On SQLite an FTS5
/// table with the trigram tokenizer indexes FeedbackTickets as external content, kept current by triggers; on
/// PostgreSQL a GIN index of pg_trgm's trigrams on the messages serves ILIKE '%text%'. It is derived data, so it is
/// created (and filled from the tickets) at start-up when missing, after the migrations, rather than by a migration.
/// </summary>
public sealed class TicketSearchIndex(IDbContextFactory<PortalDbContext> dbFactory, ILogger<TicketSearchIndex> logger) : IHostedService
{
    public const string Table = "FeedbackTicketSearch";

    /// <summary>Searches shorter than this use LIKE on the messages: trigrams need three characters.</summary>
    public const int MinimumLength = 3;

    private static readonly string[] PostgresStatements =
    [
        "CREATE EXTENSION IF NOT EXISTS pg_trgm",
        $"CREATE INDEX IF NOT EXISTS {Table} ON feedbacktickets USING gin (message gin_trgm_ops)",
    ];

    private static readonly string[] Statements =
    [
        $"CREATE VIRTUAL TABLE IF NOT EXISTS {Table} USING fts5(Message, content='FeedbackTickets', content_rowid='Id', tokenize='trigram')",
        $"CREATE TRIGGER IF NOT EXISTS {Table}_AfterInsert AFTER INSERT ON FeedbackTickets BEGIN " +
            $"INSERT INTO {Table}(rowid, Message) VALUES (new.Id, new.Message); END",
        $"CREATE TRIGGER IF NOT EXISTS {Table}_AfterDelete AFTER DELETE ON FeedbackTickets BEGIN " +
            $"INSERT INTO {Table}({Table}, rowid, Message) VALUES ('delete', old.Id, old.Message); END",
        $"CREATE TRIGGER IF NOT EXISTS {Table}_AfterUpdate AFTER UPDATE OF Message ON FeedbackTickets BEGIN " +
            $"INSERT INTO {Table}({Table}, rowid, Message) VALUES ('delete', old.Id, old.Message); " +
            $"INSERT INTO {Table}(rowid, Message) VALUES (new.Id, new.Message); END",
    ];

    public async Task StartAsync(CancellationToken cancellationToken) => await EnsureAsync(dbFactory, cancellationToken, logger);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Creates the index and its triggers when missing, and fills a new index from the existing tickets.</summary>
    public static async Task EnsureAsync(IDbContextFactory<PortalDbContext> dbFactory, CancellationToken ct, ILogger? logger = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (db.Database.IsNpgsql())
        {
            // pg_trgm is a trusted extension: the database's owner may create it.
            foreach (var statement in PostgresStatements) await db.Database.ExecuteSqlRawAsync(statement, ct);
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var exists = await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = {Table}")
            .SingleAsync(ct) > 0;
        foreach (var statement in Statements) await db.Database.ExecuteSqlRawAsync(statement, ct);
        if (!exists) await db.Database.ExecuteSqlRawAsync($"INSERT INTO {Table}({Table}) VALUES ('rebuild')", ct);
        await transaction.CommitAsync(ct);
        if (!exists) logger?.LogInformation("Created the feedback search index");
    }

    /// <summary>The ids of tickets whose message contains <paramref name="text"/> (three characters or more), any case.</summary>
    public static IQueryable<long> Matching(PortalDbContext db, string text)
    {
        if (db.Database.IsNpgsql()) return db.FeedbackTickets.Where(Contains(db, text)).Select(t => t.Id);
        var phrase = "\"" + text.Replace("\"", "\"\"") + "\"";
        return db.Database.SqlQuery<long>($"SELECT rowid AS Value FROM FeedbackTicketSearch WHERE FeedbackTicketSearch MATCH {phrase}");
    }

    /// <summary>
    /// A message contains the text, any case, read row by row: searches too short for trigrams on SQLite (its LIKE
    /// ignores ASCII case), any search on PostgreSQL (ILIKE, which the trigram index serves from three characters on).
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<FeedbackTicket, bool>> Contains(PortalDbContext db, string text)
    {
        var pattern = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
        return db.Database.IsNpgsql()
            ? t => EF.Functions.ILike(t.Message, pattern, "\\")
            : t => EF.Functions.Like(t.Message, pattern, "\\");
    }
}
