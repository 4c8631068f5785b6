using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Training;

/// <summary>
/// The trainer's one read per pass: a loop's next decisions in commit order with what learning needs, stepped through
/// with SQLite's statement API, or read with the provider's own reader on PostgreSQL (the trainer is bound by this read:
/// EF's materializer cost more than learning a decision, and the ADO.NET reader's checks as much as learning it). A
/// decision logged with Rank's hashed features comes without its request text, which is then not needed; another comes
/// with its actions list put back when the list is stored apart. Hashed features logged without the list's action sets
/// come with those sets, read once per list and batch and shared by its decisions.
/// </summary>
internal static class TrainingBatch
{
    // Columns as DecisionConfiguration and the log writer store them: times in Unix milliseconds, Mode as its name.
    private const string Sql = """
        SELECT d.Seq, d.CreatedAt, CASE WHEN d.LearnerFeatures IS NULL THEN d.RequestJson ELSE '' END, d.ChosenActionId,
               d.ChosenProbability, d.Mode, d.DeferActivation, d.ActivatedAt, d.Reward, d.Oversight,
               EXISTS (SELECT 1 FROM DecisionFlags f WHERE f.DecisionSeq = d.Seq), d.RewardSource, d.LearnerFeatures,
               CASE WHEN d.LearnerFeatures IS NULL THEN (SELECT a.ActionsJson FROM ActionLists AS a WHERE a.Id = d.ActionListId) END,
               d.ActionListId
        FROM Decisions AS d
        WHERE d.LoopId = $loop AND d.Seq > $after
        ORDER BY d.Seq
        LIMIT $take
        """;

    private const string ListSetsSql = "SELECT LearnerActions FROM ActionLists WHERE Id = $id";

    public static async Task<List<TrainingExample>> ReadAsync(PortalDbContext db, string loopId, long afterSeq, int take, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        var connection = db.Database.GetDbConnection();
        var examples = new Examples();
        var batch = await LogRowReads.ReadAsync(connection, Sql, loopId, afterSeq, take, examples, ct);
        if (examples.ContextOnly is not null) await WithListSetsAsync(connection, batch, examples.ContextOnly, ct);
        return batch;
    }

    /// <summary>A row of <see cref="Sql"/> as an example; notes the decisions (their place in the batch) whose hashed features hold the context only, with their lists.</summary>
    private sealed class Examples : ILogRowMap<TrainingExample>
    {
        private int read;

        public List<(int Index, long ListId)>? ContextOnly { get; private set; }

        public bool Wants<TRow>(TRow row) where TRow : ILogRow => true;

        public TrainingExample Map<TRow>(TRow row) where TRow : ILogRow
        {
            var example = new TrainingExample(
                row.Int64(0), row.Time(1), LoggedRequest.Joined(row.Text(2), row.IsNull(13) ? null : row.Text(13)), row.Text(3), row.Double(4),
                row.Mode(5), row.Boolean(6), row.TimeOrNull(7), row.IsNull(8) ? null : row.Double(8), (OversightEffects)row.Int32(9),
                row.Boolean(10), Quarantined: false, row.IsNull(11) ? null : row.Text(11), row.IsNull(12) ? null : row.Blob(12));
            if (example.LearnerFeatures is { Length: > 0 } record && LearnerFeatureRecord.IsContextOnly(record) && !row.IsNull(14))
                (ContextOnly ??= []).Add((read, row.Int64(14)));
            read++;
            return example;
        }
    }

    /// <summary>
    /// Gives each decision logged without its action sets the sets stored with its list: one read per list, after the
    /// batch's (PostgreSQL runs one command at a time on a connection). A list without sets leaves the record unusable,
    /// and the trainer reads the request instead.
    /// </summary>
    private static async Task WithListSetsAsync(DbConnection connection, List<TrainingExample> batch, List<(int Index, long ListId)> contextOnly,
        CancellationToken ct)
    {
        var sets = new Dictionary<long, byte[]?>();
        await using var command = DbCommands.Prepare(connection, ListSetsSql, "$id");
        foreach (var (index, listId) in contextOnly)
        {
            if (!sets.TryGetValue(listId, out var listSets))
            {
                DbCommands.Bind(command, listId);
                sets[listId] = listSets = await command.ExecuteScalarAsync(ct) as byte[];
            }
            batch[index] = batch[index] with { ListActionSets = listSets };
        }
    }
}
