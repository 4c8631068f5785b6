using Microsoft.Data.Sqlite;
using Portal.Infrastructure.Persistence;
using SQLitePCL;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// The decision INSERT on SQLite through its statement API: prepared once on the writer's connection, its values bound
/// straight from the record (UTF-8 text as it is, strings as UTF-16, numbers unboxed), so a Rank's log entry costs no
/// command, reader, parameter binder or text copy per write. Runs inside the writer's transaction like its other statements.
/// </summary>
internal sealed class SqliteDecisionInsert : IDisposable
{
    private readonly sqlite3 connection;
    private readonly sqlite3_stmt statement;
    private readonly int loop, eventId, created, request, chosen, probability, baseline, explored, model, mode, ranking,
        explanation, defer, oversight, rule, detail, features, actionList;

    public SqliteDecisionInsert(SqliteConnection sqlite, string sql)
    {
        connection = sqlite.Handle!;
        Check(raw.sqlite3_prepare_v2(connection, sql, out statement));
        loop = Index("$loop"); eventId = Index("$event"); created = Index("$created"); request = Index("$request");
        chosen = Index("$chosen"); probability = Index("$probability"); baseline = Index("$baseline"); explored = Index("$explored");
        model = Index("$model"); mode = Index("$mode"); ranking = Index("$ranking"); explanation = Index("$explanation");
        defer = Index("$defer"); oversight = Index("$oversight"); rule = Index("$rule"); detail = Index("$detail"); features = Index("$features");
        actionList = Index("$actionlist");
    }

    /// <summary>
    /// Inserts the decision, its request and hashed features whole or, with <paramref name="listId"/>, as
    /// <paramref name="rowText"/> and <paramref name="rowFeatures"/> (what is left once its list is stored apart, see
    /// <see cref="ActionListStore"/>); returns the rows inserted (0: the eventId was used already).
    /// </summary>
    public int Run(DecisionRecord d, long? listId, ReadOnlySpan<byte> rowText, ReadOnlySpan<byte> rowFeatures)
    {
        try
        {
            Text(loop, d.LoopId);
            Text(eventId, d.EventId);
            Check(raw.sqlite3_bind_int64(statement, created, d.CreatedAt.ToUnixTimeMilliseconds()));
            Check(listId is null ? Text16OrUtf8(request, d.RequestJson) : raw.sqlite3_bind_text(statement, request, rowText));
            Text(chosen, d.ChosenActionId);
            Check(raw.sqlite3_bind_double(statement, probability, d.ChosenProbability));
            Text(baseline, d.BaselineActionId);
            Check(raw.sqlite3_bind_int(statement, explored, d.Explored ? 1 : 0));
            Check(raw.sqlite3_bind_int64(statement, model, d.ModelVersion));
            Text(mode, d.Mode.ToString());
            Text(ranking, d.RankingJson);
            Text(explanation, d.ExplanationJson);
            Check(raw.sqlite3_bind_int(statement, defer, d.DeferActivation ? 1 : 0));
            Check(raw.sqlite3_bind_int(statement, oversight, (int)d.Oversight));
            Check(d.RuleId is { } ruleId ? raw.sqlite3_bind_int64(statement, rule, ruleId) : raw.sqlite3_bind_null(statement, rule));
            Check(d.OversightDetail is { } text ? raw.sqlite3_bind_text16(statement, detail, text) : raw.sqlite3_bind_null(statement, detail));
            Check(d.LearnerFeatures is not { } bytes ? raw.sqlite3_bind_null(statement, features)
                : raw.sqlite3_bind_blob(statement, features, listId is null ? bytes.Span : rowFeatures));
            Check(listId is { } list ? raw.sqlite3_bind_int64(statement, actionList, list) : raw.sqlite3_bind_null(statement, actionList));
            var step = raw.sqlite3_step(statement);
            if (step != raw.SQLITE_DONE) Check(step);
            return raw.sqlite3_changes(connection);
        }
        finally
        {
            // The values were copied by SQLite (transient bindings); nothing of the record is kept past this call.
            raw.sqlite3_reset(statement);
            raw.sqlite3_clear_bindings(statement);
        }
    }

    private void Text(int index, LoggedText text) => Check(Text16OrUtf8(index, text));

    private int Text16OrUtf8(int index, LoggedText text) =>
        text.IsUtf8 ? raw.sqlite3_bind_text(statement, index, text.Utf8.Span) : Text16(index, text.Text);

    private void Text(int index, string? text) => Check(Text16(index, text));

    /// <summary>A string as UTF-16 (SQLite converts it without a managed copy); null as NULL, which the NOT NULL columns refuse.</summary>
    private int Text16(int index, string? text) =>
        text is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text16(statement, index, text);

    private int Index(string name) =>
        raw.sqlite3_bind_parameter_index(statement, name) is var index and > 0 ? index : throw new InvalidOperationException($"The insert has no parameter {name}.");

    /// <summary>Failures as <see cref="SqliteException"/>, so the writer and <c>StorageFault</c> read them as from a command.</summary>
    private void Check(int result) => SqliteResults.Check(connection, result);

    public void Dispose() => statement.Dispose();
}
