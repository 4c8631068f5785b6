using System.Data.Common;
using System.Text;
using Portal.Contracts.DecisionLog;
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
/// what it knows of a batch that rolls back is forgotten with it, so no decision can name a list that is not on disk.
/// A list no decision names any more (its decisions past retention or erased) is deleted by <see cref="DeleteUnused"/>.
/// </summary>
internal sealed class ActionListStore : IDisposable
{
    /// <summary>Lists kept with their ids; past this many bytes the writer forgets them and finds them again in the table.</summary>
    private const int MaxCachedBytes = 16 * 1024 * 1024;

    /// <summary>Lists seen once, by key: past this many the set starts again (a list then waits for two more sightings).</summary>
    private const int MaxSeenOnce = 4096;

    /// <summary>How far a list's LastUsedAt may lag behind the decisions that name it: it is written at most this often.</summary>
    public static readonly TimeSpan LastUsedSlack = TimeSpan.FromMinutes(1);

    private readonly DbCommand find;
    private readonly DbCommand insert;
    private readonly DbCommand markUsed;
    private readonly DbCommand deleteUnused;
    private readonly Dictionary<long, StoredList> known = [];
    private readonly HashSet<long> seenOnce = [];
    private bool changedInBatch;

    // The list used last: an application sends its catalog with every Rank, so comparing the bytes with the last one
    // (a memory compare) finds it without hashing them on the writer's thread.
    private StoredList? lastUsed;
    private int cachedBytes;
    private byte[] row = new byte[1024];
    private byte[] contextOnly = new byte[256];

    public ActionListStore(DbConnection connection)
    {
        find = DbCommands.Prepare(connection, "SELECT Id, ActionsJson, LearnerActions, LastUsedAt FROM ActionLists WHERE Hash = $hash", "$hash");
        insert = DbCommands.Prepare(connection, """
            INSERT INTO ActionLists (Hash, ActionsJson, LearnerActions, CreatedAt, LastUsedAt) VALUES ($hash, $json, $sets, $at, $at) RETURNING Id
            """, "$hash", "$json", "$sets", "$at");
        markUsed = DbCommands.Prepare(connection, "UPDATE ActionLists SET LastUsedAt = $at WHERE Id = $id", "$at", "$id");
        // The oldest decision left, loop by loop through the (LoopId, CreatedAt) index; with none left, no list is named.
        deleteUnused = DbCommands.Prepare(connection, """
            DELETE FROM ActionLists WHERE LastUsedAt + $slack < COALESCE(
                (SELECT MIN((SELECT MIN(d.CreatedAt) FROM Decisions AS d WHERE d.LoopId = l.Id)) FROM Loops AS l), 9223372036854775807)
            """, "$slack");
    }

    /// <summary>The batch's transaction; null when the batch ended: unless it committed, what the store kept is forgotten.</summary>
    public DbTransaction? Transaction
    {
        set
        {
            find.Transaction = value;
            insert.Transaction = value;
            markUsed.Transaction = value;
            deleteUnused.Transaction = value;
            if (value is not null) return;
            if (changedInBatch) ForgetAll();
            changedInBatch = false;
        }
    }

    /// <summary>The batch committed: what it wrote of lists is on disk.</summary>
    public void Committed() => changedInBatch = false;

    /// <summary>
    /// Deletes the lists no decision names any more, in the writer's transaction: those last used before the oldest
    /// decision left (give or take <see cref="LastUsedSlack"/>). Returns how many went; the store forgets what it kept.
    /// </summary>
    public int DeleteUnused()
    {
        DbCommands.Bind(deleteUnused, (long)LastUsedSlack.TotalMilliseconds);
        var deleted = deleteUnused.ExecuteNonQuery();
        changedInBatch = true;
        ForgetAll();
        return deleted;
    }

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
        var stored = lastUsed is { } last && text.SequenceEqual(last.Text) ? last : Stored(text, features, setsStart, d.CreatedAt);
        if (stored is null)
        {
            listId = 0;
            return false;
        }
        lastUsed = stored;
        listId = stored.Id;
        MarkUsed(stored, d.CreatedAt);
        rowText = RowText(request, list);
        rowFeatures = setsStart >= 0 && stored.LearnerActions is { } listSets && features[setsStart..].SequenceEqual(listSets)
            ? ContextOnly(features, setsStart)
            : features;
        return true;
    }

    /// <summary>The list kept or stored with this text, stored now if it was seen once before; null for a list seen the first time (or a key clash).</summary>
    private StoredList? Stored(ReadOnlySpan<byte> text, ReadOnlySpan<byte> features, int setsStart, DateTimeOffset at)
    {
        var key = KeyOf(text);
        if (known.TryGetValue(key, out var stored))
        {
            // Another list with the same key (never seen in practice) is logged whole rather than evict the kept one.
            return text.SequenceEqual(stored.Text) ? stored : null;
        }
        if (seenOnce.Add(key))
        {
            if (seenOnce.Count > MaxSeenOnce) seenOnce.Clear();
            return null;
        }
        seenOnce.Remove(key);
        var sets = setsStart < 0 ? null : features[setsStart..].ToArray();
        stored = Find(key, text) ?? Insert(key, text, sets, at);
        Keep(key, stored);
        return stored;
    }

    /// <summary>The list's key, as the body reader fingerprints lists (the same bits, stored as a signed integer).</summary>
    public static long KeyOf(ReadOnlySpan<byte> text) => (long)MurmurHash3.LengthAndHash(text);

    /// <summary>The stored list with this text, written by this writer before a restart or in an earlier batch.</summary>
    private StoredList? Find(long key, ReadOnlySpan<byte> text)
    {
        DbCommands.Bind(find, key);
        using var rows = find.ExecuteReader();
        while (rows.Read())
        {
            var stored = Encoding.UTF8.GetBytes(rows.GetString(1));
            if (text.SequenceEqual(stored))
                return new StoredList(rows.GetInt64(0), stored, rows.IsDBNull(2) ? null : rows.GetFieldValue<byte[]>(2), rows.GetInt64(3));
        }
        return null;
    }

    private StoredList Insert(long key, ReadOnlySpan<byte> text, byte[]? learnerActions, DateTimeOffset at)
    {
        var usedAt = at.ToUnixTimeMilliseconds();
        DbCommands.Bind(insert, key, Encoding.UTF8.GetString(text), learnerActions is null ? DBNull.Value : learnerActions, usedAt);
        var id = Convert.ToInt64(insert.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        changedInBatch = true;
        return new StoredList(id, text.ToArray(), learnerActions, usedAt);
    }

    /// <summary>Keeps the list's LastUsedAt within <see cref="LastUsedSlack"/> of the decisions that name it.</summary>
    private void MarkUsed(StoredList list, DateTimeOffset at)
    {
        var usedAt = at.ToUnixTimeMilliseconds();
        if (usedAt - list.LastUsedAt <= (long)LastUsedSlack.TotalMilliseconds) return;
        DbCommands.Bind(markUsed, usedAt, list.Id);
        markUsed.ExecuteNonQuery();
        list.LastUsedAt = usedAt;
        changedInBatch = true;
    }

    private void Keep(long key, StoredList list)
    {
        // Forgetting is safe: a list is found again in the table.
        if (cachedBytes + list.Size > MaxCachedBytes) ForgetAll();
        known[key] = list;
        cachedBytes += list.Size;
    }

    /// <summary>
    /// Forgets every list kept: after a batch that wrote lists or their use rolled back (what is kept may be ahead of the
    /// table), after deleting lists, and when the memory for them is full. They are found again in the table.
    /// </summary>
    private void ForgetAll()
    {
        known.Clear();
        lastUsed = null;
        cachedBytes = 0;
    }

    /// <summary>The request with <c>[]</c> in place of its list, in a buffer this store reuses.</summary>
    private ReadOnlySpan<byte> RowText(ReadOnlySpan<byte> request, Range list)
    {
        var size = LoggedRequest.SplicedLength(request, list, "[]"u8);
        if (row.Length < size) row = new byte[Math.Max(size, row.Length * 2)];
        LoggedRequest.Splice(request, list, "[]"u8, row);
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
        markUsed.Dispose();
        deleteUnused.Dispose();
    }

    /// <summary>A stored list: its id, its text, its hashed action sets when it has them, and its LastUsedAt (Unix ms) as written.</summary>
    private sealed class StoredList(long id, byte[] text, byte[]? learnerActions, long lastUsedAt)
    {
        public long Id { get; } = id;

        public byte[] Text { get; } = text;

        public byte[]? LearnerActions { get; } = learnerActions;

        public long LastUsedAt { get; set; } = lastUsedAt;

        public int Size => Text.Length + (LearnerActions?.Length ?? 0);
    }
}
