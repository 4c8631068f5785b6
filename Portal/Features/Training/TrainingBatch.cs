using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Portal.Contracts.DecisionLog;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Training;

/// <summary>
/// The trainer's one read per pass: a loop's next decisions in commit order with what learning needs, read with
/// the provider's own reader (the trainer is bound by this read; EF's materializer cost more than learning a decision). A
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
        var batch = new List<TrainingExample>(Math.Min(take, 5_000));
        // The decisions (their place in the batch) whose hashed features hold the context only, and their lists.
        List<(int Index, long ListId)>? contextOnly = null;
        await using (var command = DbCommands.Prepare(connection, Sql, "$loop", "$after", "$take"))
        {
            DbCommands.Bind(command, loopId, afterSeq, take);
            await using var row = await command.ExecuteReaderAsync(ct);
            while (await row.ReadAsync(ct))
            {
                var example = Example(row);
                if (example.LearnerFeatures is { Length: > 0 } record && LearnerFeatureRecord.IsContextOnly(record) && !row.IsDBNull(14))
                    (contextOnly ??= []).Add((batch.Count, row.GetInt64(14)));
                batch.Add(example);
            }
        }
        if (contextOnly is not null) await WithListSetsAsync(connection, batch, contextOnly, ct);
        return batch;
    }

    private static TrainingExample Example(DbDataReader row) => new(
        row.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(1)),
        LoggedRequest.Joined(row.GetString(2), row.IsDBNull(13) ? null : row.GetString(13)), row.GetString(3), row.GetDouble(4),
        Enum.Parse<LearningMode>(row.GetString(5)), row.GetBoolean(6),
        row.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(7)),
        row.IsDBNull(8) ? null : row.GetDouble(8), (OversightEffects)row.GetInt32(9), row.GetBoolean(10), Quarantined: false,
        row.IsDBNull(11) ? null : row.GetString(11),
        row.IsDBNull(12) ? null : row.GetFieldValue<byte[]>(12));

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
