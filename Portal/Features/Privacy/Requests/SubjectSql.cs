using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// The one SQL test of "this JSON names the subject", for every feature that keeps contexts: the user id at the
/// configured path in any object of the document's <c>contextFeatures</c> (the key in any case, as the Rank API reads
/// it), as a string, or as a number written the same way. It matches wherever the id stands, where Rank's opt-out
/// check reads only the first object that has the path: a request must find everything.
/// </summary>
/// <remarks>
/// SQLite's JSON functions read every row (about 5 s per million decisions on two cores, see the privacy-requests
/// benchmark), so callers scan the log in windows of its key and report progress. A row that is not JSON stops the
/// query with an error rather than being skipped: a request that silently missed a row would leave the person's data
/// behind. Values are parameters; the column is always a caller's constant.
/// </remarks>
public static partial class SubjectSql
{
    /// <summary>A condition on <paramref name="jsonColumn"/> (a request body or a ticket's decision snapshot).</summary>
    public static string Names(string jsonColumn, bool postgres = false) => postgres ? PostgresNames(jsonColumn) : $"""
        EXISTS (SELECT 1 FROM json_each({jsonColumn}) AS top,
                json_each(CASE WHEN top.type = 'array' AND lower(top.key) = 'contextfeatures' THEN top.value ELSE '[]' END) AS item
            WHERE item.type = 'object' AND (
                (json_extract(item.value, $subjectPath) = $subjectId AND json_type(item.value, $subjectPath) = 'text')
                OR ($subjectIsNumber AND json_type(item.value, $subjectPath) IN ('integer', 'real') AND (item.value -> $subjectPath) = $subjectId)))
        """;

    /// <summary>
    /// The same test with PostgreSQL's jsonb functions; the path is a text array there. No braces in the text: EF Core's
    /// raw queries read them as placeholders.
    /// </summary>
    private static string PostgresNames(string jsonColumn) => $"""
        EXISTS (SELECT 1 FROM jsonb_each(CASE WHEN jsonb_typeof({jsonColumn}::jsonb) = 'object' THEN {jsonColumn}::jsonb ELSE jsonb_build_object() END) AS top,
                jsonb_array_elements(CASE WHEN jsonb_typeof(top.value) = 'array' AND lower(top.key) = 'contextfeatures' THEN top.value ELSE jsonb_build_array() END) AS item
            WHERE jsonb_typeof(item) = 'object' AND (
                (jsonb_typeof(item #> @subjectPath) = 'string' AND item #>> @subjectPath = @subjectId)
                OR (@subjectIsNumber AND jsonb_typeof(item #> @subjectPath) = 'number' AND item #>> @subjectPath = @subjectId)))
        """;

    /// <summary>The condition's parameters, new for each command (a parameter belongs to one command).</summary>
    public static List<DbParameter> Parameters(DataSubject subject, DbConnection connection)
    {
        var postgres = DbCommands.IsPostgres(connection);
        return
        [
            DbCommands.Parameter(connection, "$subjectPath", postgres ? PathKeys(subject.JsonPath) : subject.JsonPath),
            // No id (a subject known by an address only): NULL, which no comparison matches.
            DbCommands.Parameter(connection, "$subjectId", (object?)subject.UserId ?? DBNull.Value),
            DbCommands.Parameter(connection, "$subjectIsNumber", postgres ? subject.IsNumber : subject.IsNumber ? 1 : 0),
        ];
    }

    /// <summary>
    /// The ids a query selects (as <c>"Value"</c>) with <see cref="Names"/> in it: the text written for the context's engine,
    /// with the subject's parameters.
    /// </summary>
    public static Task<List<long>> IdsAsync(DatabaseFacade database, DataSubject subject, string sqliteSql, string postgresSql,
        CancellationToken ct) => IdsAsync(database, subject, sqliteSql, postgresSql, [], ct);

    /// <summary>As above, with more parameters of the caller's own.</summary>
    public static Task<List<long>> IdsAsync(DatabaseFacade database, DataSubject subject, string sqliteSql, string postgresSql,
        IReadOnlyList<(string Name, object? Value)> more, CancellationToken ct)
    {
        var connection = database.GetDbConnection();
        var parameters = Parameters(subject, connection);
        foreach (var (name, value) in more) parameters.Add(DbCommands.Parameter(connection, name, value ?? DBNull.Value));
        return database.SqlQueryRaw<long>(DbCommands.IsPostgres(connection) ? postgresSql : sqliteSql, [.. parameters]).ToListAsync(ct);
    }

    /// <summary><c>$."a"."b"</c> → <c>{a, b}</c>.</summary>
    private static string[] PathKeys(string jsonPath) => [.. PathKey().Matches(jsonPath).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("\\.\"([^\"]*)\"")]
    private static partial Regex PathKey();
}
