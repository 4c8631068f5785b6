using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Contracts.DecisionLog;

/// <summary>
/// The actions lists that logged decisions name (<c>Decision.ActionListId</c>), for readers that need each request as it
/// was received (with its actions) through EF: one query for a set of decisions, then <see cref="RequestOf"/> per row.
/// </summary>
public sealed class StoredActionLists
{
    private readonly Dictionary<long, string> texts;

    private StoredActionLists(Dictionary<long, string> texts) => this.texts = texts;

    /// <summary>The lists these ids name (nulls and repeats skipped).</summary>
    public static async Task<StoredActionLists> LoadAsync(PortalDbContext db, IEnumerable<long?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<long>().Distinct().ToList();
        if (wanted.Count == 0) return new StoredActionLists([]);
        return new StoredActionLists(await db.ActionLists.AsNoTracking().Where(a => wanted.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, a => a.ActionsJson, ct));
    }

    /// <summary>The request as received: the row's text, with its list put back when it names one.</summary>
    public string RequestOf(string rowJson, long? listId) =>
        listId is { } id ? LoggedRequest.Joined(rowJson, texts.GetValueOrDefault(id)) : rowJson;
}
