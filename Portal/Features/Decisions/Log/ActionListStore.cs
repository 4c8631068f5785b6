using System.Data.Common;
using System.Text;
using Portal.Data.Entities;
using Portal.Features.Learning;
using Portal.Infrastructure.Persistence;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// Stores each actions list that Rank bodies send again once (<see cref="ActionList"/>) instead of in every decision's
/// row: an application sends its catalog with each Rank, and the list was over half of each row, so SQLite wrote and
/// checkpointed a page per decision. A decision then logs its request with <c>"actions":[]</c> in the list's place and
/// the list's id, and its hashed features without the action sets when the list holds the same ones (they were most of
/// the rest of the row). A list is stored apart the second time it is seen, so bodies whose lists always differ are logged
/// whole as before, at the cost of one hash. Lives on the log writer's connection and thread, inside its transactions:
/// a list written in a batch that rolls back is forgotten with it, so no decision can name a list that is not on disk.
/// </summary>
internal sealed class ActionListStore : IDisposable
{
    /// <summary>Lists kept with their ids; past this many bytes the writer forgets them and finds them again in the table.</summary>
    private const int MaxCachedBytes = 16 * 1024 * 1024;

    /// <summary>Lists seen once, by key: past this many the set starts again (a list then waits for two more sightings).</summary>
    private const int MaxSeenOnce = 4096;

    private readonly DbCommand find;
    private readonly DbCommand insert;
    private readonly Dictionary<long, StoredList> known = [];
    private readonly HashSet<long> seenOnce = [];
    private readonly List<long> addedInBatch = [];
    private int cachedBytes;
    private byte[] row = new byte[1024];
    private byte[] contextOnly = new byte[256];

    public ActionListStore(DbConnection connection)
    {
        find = DbCommands.Prepare(connection, "SELECT Id, ActionsJson, LearnerActions FROM ActionLists WHERE Hash = $hash", "$hash");
        insert = DbCommands.Prepare(connection, """
            INSERT INTO ActionLists (Hash, ActionsJson, LearnerActions, CreatedAt) VALUES ($hash, $json, $sets, $created) RETURNING Id
            """, "$hash", "$json", "$sets", "$created");
    }

    /// <summary>The batch's transaction; null when the batch ended, and lists written in it are forgotten unless it committed.</summary>
    public DbTransaction? Transaction
    {
        set
        {
            find.Transaction = value;
            insert.Transaction = value;
            if (value is null) ForgetAddedInBatch();
        }
    }

    /// <summary>The batch committed: the lists written in it are on disk.</summary>
    public void Committed() => addedInBatch.Clear();

    /// <summary>
    /// The id of the decision's actions list (written now if it was seen before and is not stored yet), the row's request
    /// text with <c>[]</c> in the list's place, and its hashed features, without the action sets when the list holds the
    /// same ones; both valid until the next call. False when the request is to be logged whole (a list seen for the
    /// first time). <paramref name="list"/> is where the list lies in the request's UTF-8 text.
    /// </summary>
    public bool TrySplit(DecisionRecord d, Range list, out long listId, out ReadOnlySpan<byte> rowText, out ReadOnlySpan<byte> rowFeatures)
    {
        rowText = rowFeatures = default;
        var request = d.RequestJson.Utf8.Span;
        var text = request[list];
        var features = d.LearnerFeatures is { } record ? record.Span : default;
        var setsStart = d.LearnerFeatures is null ? -1 : LearnerFeatureRecord.ActionSetsStart(features);
        var key = KeyOf(text);
        if (known.TryGetValue(key, out var stored))
        {
            // Another list with the same key (never seen in practice) is logged whole rather than evict the kept one.
            if (!text.SequenceEqual(stored.Text))
            {
                listId = 0;
                return false;
            }
        }
        else if (seenOnce.Add(key))
        {
            if (seenOnce.Count > MaxSeenOnce) seenOnce.Clear();
            listId = 0;
            return false;
        }
        else
        {
            seenOnce.Remove(key);
            var sets = setsStart < 0 ? null : features[setsStart..].ToArray();
            stored = Find(key, text) ?? Insert(key, text, sets, d.CreatedAt);
            Keep(key, stored);
        }
        listId = stored.Id;
        rowText = RowText(request, list);
        rowFeatures = setsStart >= 0 && stored.LearnerActions is { } listSets && features[setsStart..].SequenceEqual(listSets)
            ? ContextOnly(features, setsStart)
            : features;
        return true;
    }

    /// <summary>The list's key: its length and MurmurHash3, so lists of different lengths never share one.</summary>
    public static long KeyOf(ReadOnlySpan<byte> text) => (long)text.Length << 32 | MurmurHash3.Hash(text, seed: 0);

    /// <summary>The stored list with this text, written by this writer before a restart or in an earlier batch.</summary>
    private StoredList? Find(long key, ReadOnlySpan<byte> text)
    {
        DbCommands.Bind(find, key);
        using var rows = find.ExecuteReader();
        while (rows.Read())
        {
            var stored = Encoding.UTF8.GetBytes(rows.GetString(1));
            if (text.SequenceEqual(stored)) return new StoredList(rows.GetInt64(0), stored, rows.IsDBNull(2) ? null : rows.GetFieldValue<byte[]>(2));
        }
        return null;
    }

    private StoredList Insert(long key, ReadOnlySpan<byte> text, byte[]? learnerActions, DateTimeOffset now)
    {
        DbCommands.Bind(insert, key, Encoding.UTF8.GetString(text), learnerActions is null ? DBNull.Value : learnerActions, now.ToUnixTimeMilliseconds());
        var id = Convert.ToInt64(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        addedInBatch.Add(key);
        return new StoredList(id, text.ToArray(), learnerActions);
    }

    private void Keep(long key, StoredList list)
    {
        if (cachedBytes + list.Size > MaxCachedBytes)
        {
            // Forgetting is safe: a list is found again in the table. Those written in this batch stay until it ends.
            foreach (var entry in known.Keys.Where(k => !addedInBatch.Contains(k)).ToList()) known.Remove(entry);
            cachedBytes = known.Values.Sum(v => v.Size);
        }
        known[key] = list;
        cachedBytes += list.Size;
    }

    private void ForgetAddedInBatch()
    {
        foreach (var key in addedInBatch)
        {
            if (known.Remove(key, out var entry)) cachedBytes -= entry.Size;
        }
        addedInBatch.Clear();
    }

    /// <summary>The request with <c>[]</c> in place of its list, in a buffer this store reuses.</summary>
    private ReadOnlySpan<byte> RowText(ReadOnlySpan<byte> request, Range list)
    {
        var (start, length) = list.GetOffsetAndLength(request.Length);
        var size = request.Length - length + 2;
        if (row.Length < size) row = new byte[Math.Max(size, row.Length * 2)];
        request[..start].CopyTo(row);
        row[start] = (byte)'[';
        row[start + 1] = (byte)']';
        request[(start + length)..].CopyTo(row.AsSpan(start + 2));
        return row.AsSpan(0, size);
    }

    /// <summary>The record's header and context set, marked as such, in a buffer this store reuses.</summary>
    private ReadOnlySpan<byte> ContextOnly(ReadOnlySpan<byte> record, int actionSetsStart)
    {
        if (contextOnly.Length < actionSetsStart) contextOnly = new byte[Math.Max(actionSetsStart, contextOnly.Length * 2)];
        LearnerFeatureRecord.ContextOnly(record, actionSetsStart, contextOnly);
        return contextOnly.AsSpan(0, actionSetsStart);
    }

    public void Dispose()
    {
        find.Dispose();
        insert.Dispose();
    }

    /// <summary>A stored list: its id, its text, and its hashed action sets when it has them.</summary>
    private sealed record StoredList(long Id, byte[] Text, byte[]? LearnerActions)
    {
        public int Size => Text.Length + (LearnerActions?.Length ?? 0);
    }
}
