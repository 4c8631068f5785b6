using System.Buffers.Binary;

namespace Portal.Features.Learning;

/// <summary>
/// The hashed features of one Rank as logged for the trainer, so it learns without parsing the request again:
/// <c>[version 1][uint audit-only fingerprint][ushort chosen][ushort sets]</c>, then per set (context first, then each
/// action) <c>[int count]</c> and <c>count × [byte namespace][uint hash][float value]</c> in the set's grouped order.
/// Display names are not kept (learning needs none; explanations read the logged request). The fingerprint names the
/// audit-only features removed when Rank hashed them: when the loop's list has changed since, the trainer parses the
/// request again with the current list, as it always did. A decision whose actions list is stored apart may log the
/// record without its action sets (version 2, <see cref="ContextOnly"/>), which are stored once with the list: readers
/// take the row's record and the list's sets side by side (<see cref="IsUsable(ReadOnlySpan{byte}, ReadOnlySpan{byte}, uint)"/>).
/// </summary>
public static class LearnerFeatureRecord
{
    private const byte Version = 1;
    private const byte ContextOnlyVersion = 2;
    private const int HeaderBytes = 1 + 4 + 2 + 2;
    private const int FeatureBytes = 1 + 4 + 4;

    /// <summary>An order-independent fingerprint of a set of feature paths (0 for none).</summary>
    public static uint Fingerprint(IReadOnlySet<string>? paths)
    {
        if (paths is not { Count: > 0 }) return 0;
        uint sum = 0, xor = 0;
        foreach (var path in paths)
        {
            var hash = MurmurHash3.HashString(path, 0x5eed);
            sum = unchecked(sum + hash);
            xor ^= hash;
        }
        return unchecked(sum * 31 + xor + (uint)paths.Count) | 1;
    }

    public static byte[] Write(FeatureSet context, FeatureSet[] actions, int chosen, uint fingerprint)
    {
        var bytes = new byte[Size(context, actions)];
        Write(bytes, context, actions, chosen, fingerprint);
        return bytes;
    }

    /// <summary>The record's length in bytes.</summary>
    public static int Size(FeatureSet context, FeatureSet[] actions)
    {
        var size = HeaderBytes + (4 + context.Count * FeatureBytes);
        foreach (var action in actions) size += 4 + action.Count * FeatureBytes;
        return size;
    }

    /// <summary>Writes the record into <paramref name="span"/>, exactly <see cref="Size"/> bytes long (a caller's pooled buffer).</summary>
    public static void Write(Span<byte> span, FeatureSet context, FeatureSet[] actions, int chosen, uint fingerprint)
    {
        span[0] = Version;
        BinaryPrimitives.WriteUInt32LittleEndian(span[1..], fingerprint);
        BinaryPrimitives.WriteUInt16LittleEndian(span[5..], checked((ushort)chosen));
        BinaryPrimitives.WriteUInt16LittleEndian(span[7..], checked((ushort)(actions.Length + 1)));
        var at = WriteSet(span, HeaderBytes, context);
        foreach (var action in actions) at = WriteSet(span, at, action);
    }

    /// <summary>
    /// Whether the record will be read with <paramref name="fingerprint"/>: the version, the audit-only fingerprint and
    /// every set's length fit. The record is logged whole (<paramref name="listSets"/> ignored) or without its action
    /// sets, which then are <paramref name="listSets"/>, as stored with the decision's actions list. Reads only the
    /// counts, so a reader can decide what else to load.
    /// </summary>
    public static bool IsUsable(ReadOnlySpan<byte> record, ReadOnlySpan<byte> listSets, uint fingerprint)
    {
        if (record.Length < HeaderBytes || record[0] is not (Version or ContextOnlyVersion)) return false;
        if (BinaryPrimitives.ReadUInt32LittleEndian(record[1..]) != fingerprint) return false;
        var sets = BinaryPrimitives.ReadUInt16LittleEndian(record[7..]);
        if (sets < 2 || BinaryPrimitives.ReadUInt16LittleEndian(record[5..]) >= sets - 1) return false;
        if (record[0] == Version) return SkipSets(record, HeaderBytes, sets) == record.Length;
        return SkipSets(record, HeaderBytes, 1) == record.Length && SkipSets(listSets, 0, sets - 1) == listSets.Length;
    }

    /// <summary>Where <paramref name="sets"/> sets starting at <paramref name="at"/> end, or -1 when they do not fit.</summary>
    private static long SkipSets(ReadOnlySpan<byte> span, long at, int sets)
    {
        for (var s = 0; s < sets; s++)
        {
            if (at + 4 > span.Length) return -1;
            var count = BinaryPrimitives.ReadInt32LittleEndian(span[(int)at..]);
            if (count < 0) return -1;
            at += 4 + (long)count * FeatureBytes;
        }
        return at;
    }

    /// <summary>Whether the record was logged without its action sets (they are stored with its actions list).</summary>
    internal static bool IsContextOnly(ReadOnlySpan<byte> record) => record[0] == ContextOnlyVersion;

    /// <summary>
    /// The features and the chosen index in new feature sets, or false when the record is absent, unknown, or hashed
    /// with other audit-only features. The trainer reads through a <see cref="LearnerFeatureReader"/> instead, which reuses its sets.
    /// </summary>
    public static bool TryRead(byte[]? record, uint fingerprint, out FeatureSet context, out FeatureSet[] actions, out int chosen) =>
        new LearnerFeatureReader().TryRead(record, fingerprint, out context, out actions, out chosen);

    internal const int FirstSetOffset = HeaderBytes;

    /// <summary>Where the action sets start in a whole record, or -1 when it is not one (too short, another version).</summary>
    public static int ActionSetsStart(ReadOnlySpan<byte> record)
    {
        if (record.Length < HeaderBytes + 4 || record[0] != Version) return -1;
        var count = BinaryPrimitives.ReadInt32LittleEndian(record[HeaderBytes..]);
        var start = HeaderBytes + 4 + (long)count * FeatureBytes;
        return count >= 0 && start <= record.Length ? (int)start : -1;
    }

    /// <summary>
    /// The whole record's header and context set (<paramref name="record"/> up to <paramref name="actionSetsStart"/>)
    /// into <paramref name="destination"/>, marked as a record whose action sets are stored with its actions list.
    /// </summary>
    public static void ContextOnly(ReadOnlySpan<byte> record, int actionSetsStart, Span<byte> destination)
    {
        record[..actionSetsStart].CopyTo(destination);
        destination[0] = ContextOnlyVersion;
    }

    /// <summary>The chosen action's index (of a usable record).</summary>
    internal static int ChosenOf(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadUInt16LittleEndian(record[5..]);

    /// <summary>How many feature sets the record holds, the context's included (of a usable record).</summary>
    internal static int SetsOf(ReadOnlySpan<byte> record) => BinaryPrimitives.ReadUInt16LittleEndian(record[7..]);

    private static int WriteSet(Span<byte> span, int at, FeatureSet set)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span[at..], set.Count);
        at += 4;
        for (var g = 0; g < set.GroupIndex.Length; g++)
        {
            for (var i = set.GroupStart[g]; i < set.GroupStart[g + 1]; i++)
            {
                span[at] = set.GroupIndex[g];
                BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 1)..], set.Hashes[i]);
                BinaryPrimitives.WriteSingleLittleEndian(span[(at + 5)..], set.Values[i]);
                at += FeatureBytes;
            }
        }
        return at;
    }

    /// <summary>
    /// The set at <paramref name="at"/> of a usable record, written into <paramref name="reuse"/> when it has the same
    /// shape (features and namespace groups), else into a new set; <paramref name="at"/> moves past it.
    /// </summary>
    internal static FeatureSet ReadSet(ReadOnlySpan<byte> record, ref int at, FeatureSet? reuse)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(record[at..]);
        at += 4;
        if (count == 0) return FeatureSet.Empty;
        var rows = record.Slice(at, count * FeatureBytes);
        at += rows.Length;

        // Namespaces come grouped (Write walks the set group by group): a group starts where the namespace changes.
        var groups = 1;
        for (var i = FeatureBytes; i < rows.Length; i += FeatureBytes)
        {
            if (rows[i] != rows[i - FeatureBytes]) groups++;
        }
        var set = reuse is not null && reuse.Count == count && reuse.GroupIndex.Length == groups
            ? reuse
            : new FeatureSet(new byte[groups], new int[groups + 1], new uint[count], new float[count], []);

        var hashes = set.Hashes;
        var values = set.Values;
        var groupIndex = set.GroupIndex;
        var groupStart = set.GroupStart;
        for (int i = 0, g = -1; i < count; i++)
        {
            var row = rows.Slice(i * FeatureBytes, FeatureBytes);
            if (g < 0 || groupIndex[g] != row[0])
            {
                groupIndex[++g] = row[0];
                groupStart[g] = i;
            }
            hashes[i] = BinaryPrimitives.ReadUInt32LittleEndian(row[1..]);
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(row[5..]);
        }
        groupStart[groups] = count;
        return set;
    }
}
