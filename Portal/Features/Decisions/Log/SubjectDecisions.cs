using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Privacy.Requests;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// The decisions of any loop whose context names a person, for data-subject requests: counted, exported with their
/// flags, and erased with them, window by window (<see cref="LogWindows"/>). Erasing decisions the trainer has learned
/// from already is fine: the model keeps what it learned, in weights that hold no user id. An erased decision is gone
/// from the log, which is all that training reads (forward from its last decision; keys are never reused), so it is
/// never learned from again, and one not yet learned never will be. Aggregates (Insights) keep their sums, which name
/// no one.
/// </summary>
public sealed class SubjectDecisions(IDbContextFactory<PortalDbContext> dbFactory) : IPersonalData
{
    public const string Kind = "decisions";
    public const string FlagsKind = "decisionFlags";
    private const string Label = "Decisions";
    private const string FlagsLabel = "Flags on those decisions";

    public int ErasureOrder => 1;

    public string Step => Label;

    public async Task<IReadOnlyList<HeldCount>> CountAsync(DataSubject subject, IProgress<double> progress, CancellationToken ct)
    {
        var perLoop = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long flags = 0;
        await foreach (var window in LogWindows.OfAsync(dbFactory, ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var seqs = await MatchingAsync(db, subject, window, ct);
            if (seqs.Count > 0)
            {
                foreach (var loop in await db.Decisions.Where(d => seqs.Contains(d.Seq)).GroupBy(d => d.LoopId)
                             .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct))
                    perLoop[loop.Key] = perLoop.GetValueOrDefault(loop.Key) + loop.Count;
                flags += await db.DecisionFlags.LongCountAsync(f => seqs.Contains(f.DecisionSeq), ct);
            }
            progress.Report(window.Done);
        }
        var loops = perLoop.Count == 0 ? null : "in " + string.Join(", ", perLoop.Select(l => $"{l.Key} ({l.Value:N0})"));
        return [new HeldCount(Kind, Label, perLoop.Values.Sum(), loops), new HeldCount(FlagsKind, FlagsLabel, flags)];
    }

    public async Task WriteAsync(DataSubject subject, Utf8JsonWriter json, CancellationToken ct)
    {
        json.WriteStartArray(Kind);
        await foreach (var window in LogWindows.OfAsync(dbFactory, ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var seqs = await MatchingAsync(db, subject, window, ct);
            if (seqs.Count == 0) continue;
            var flags = (await db.DecisionFlags.AsNoTracking().Where(f => seqs.Contains(f.DecisionSeq)).ToListAsync(ct)).ToLookup(f => f.DecisionSeq);
            // Each decision with its stored actions list (if any) in one query, so the request is exported as received.
            var rows = from d in db.Decisions.AsNoTracking()
                       where seqs.Contains(d.Seq)
                       join stored in db.ActionLists on d.ActionListId equals (long?)stored.Id into lists
                       from list in lists.DefaultIfEmpty()
                       orderby d.Seq
                       select new { Decision = d, List = list == null ? null : list.ActionsJson };
            await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
            {
                DecisionExport.Write(json, row.Decision, LoggedRequest.Joined(row.Decision.RequestJson, row.List), flags[row.Decision.Seq]);
                await ExportFlush.IfDueAsync(json, ct);
            }
        }
        json.WriteEndArray();
    }

    public async Task EraseAsync(Erasure erasure, IProgress<double> progress, CancellationToken ct)
    {
        erasure.Add(Kind, Label, 0);
        erasure.Add(FlagsKind, FlagsLabel, 0);
        await foreach (var window in LogWindows.OfAsync(dbFactory, ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            // Found outside the write transaction, so the log writer waits only for the deletes.
            var seqs = await MatchingAsync(db, erasure.Subject, window, ct);
            if (seqs.Count > 0)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var flags = await db.DecisionFlags.Where(f => seqs.Contains(f.DecisionSeq)).ExecuteDeleteAsync(ct);
                var decisions = await db.Decisions.Where(d => seqs.Contains(d.Seq)).ExecuteDeleteAsync(ct);
                await transaction.CommitAsync(ct);
                erasure.Add(Kind, Label, decisions);
                erasure.Add(FlagsKind, FlagsLabel, flags);
            }
            progress.Report(window.Done);
        }
    }

    private static Task<List<long>> MatchingAsync(PortalDbContext db, DataSubject subject, LogWindow window, CancellationToken ct)
    {
        // A subject known by a contact address only: a context carries user ids, never addresses.
        if (subject.UserId is null) return Task.FromResult(new List<long>());
        var connection = db.Database.GetDbConnection();
        var parameters = SubjectSql.Parameters(subject, connection);
        parameters.Add(DbCommands.Parameter(connection, "$after", window.After));
        parameters.Add(DbCommands.Parameter(connection, "$upTo", window.UpTo));
        var sql = DbCommands.IsPostgres(connection) ? PostgresMatchingSql : MatchingSql;
        return db.Database.SqlQueryRaw<long>(sql, [.. parameters]).ToListAsync(ct);
    }

    private static string Matching(bool postgres) =>
        $"SELECT d.Seq AS \"Value\" FROM Decisions AS d WHERE d.Seq > $after AND d.Seq <= $upTo AND {SubjectSql.Names("d.RequestJson", postgres)}";

    private static readonly string MatchingSql = Matching(postgres: false);
    private static readonly string PostgresMatchingSql = DbCommands.ForPostgres(Matching(postgres: true));
}
