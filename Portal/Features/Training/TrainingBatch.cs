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
/// with its actions list put back when the list is stored apart, and hashed features logged without the list's action
/// sets come with them.
/// </summary>
internal static class TrainingBatch
{
    // Columns as DecisionConfiguration and the log writer store them: times in Unix milliseconds, Mode as its name.
    private const string Sql = """
        SELECT d.Seq, d.CreatedAt, CASE WHEN d.LearnerFeatures IS NULL THEN d.RequestJson ELSE '' END, d.ChosenActionId,
               d.ChosenProbability, d.Mode, d.DeferActivation, d.ActivatedAt, d.Reward, d.Oversight,
               EXISTS (SELECT 1 FROM DecisionFlags f WHERE f.DecisionSeq = d.Seq), d.RewardSource, d.LearnerFeatures,
               CASE WHEN d.LearnerFeatures IS NULL THEN a.ActionsJson END, CASE WHEN d.LearnerFeatures IS NOT NULL THEN a.LearnerActions END
        FROM Decisions AS d
        LEFT JOIN ActionLists AS a ON a.Id = d.ActionListId
        WHERE d.LoopId = $loop AND d.Seq > $after
        ORDER BY d.Seq
        LIMIT $take
        """;

    public static async Task<List<TrainingExample>> ReadAsync(PortalDbContext db, string loopId, long afterSeq, int take, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        await using var command = DbCommands.Prepare(db.Database.GetDbConnection(), Sql, "$loop", "$after", "$take");
        DbCommands.Bind(command, loopId, afterSeq, take);
        var batch = new List<TrainingExample>(Math.Min(take, 5_000));
        await using var row = await command.ExecuteReaderAsync(ct);
        while (await row.ReadAsync(ct)) batch.Add(Example(row));
        return batch;
    }

    private static TrainingExample Example(DbDataReader row) => new(
        row.GetInt64(0), DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(1)),
        LoggedRequest.Joined(row.GetString(2), row.IsDBNull(13) ? null : row.GetString(13)), row.GetString(3), row.GetDouble(4),
        Enum.Parse<LearningMode>(row.GetString(5)), row.GetBoolean(6),
        row.IsDBNull(7) ? null : DateTimeOffset.FromUnixTimeMilliseconds(row.GetInt64(7)),
        row.IsDBNull(8) ? null : row.GetDouble(8), (OversightEffects)row.GetInt32(9), row.GetBoolean(10), Quarantined: false,
        row.IsDBNull(11) ? null : row.GetString(11),
        row.IsDBNull(12) ? null : LearnerFeatureRecord.Joined(row.GetFieldValue<byte[]>(12), row.IsDBNull(14) ? null : row.GetFieldValue<byte[]>(14)));
}
