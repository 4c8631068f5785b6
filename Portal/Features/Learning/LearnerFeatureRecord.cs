using System.Buffers.Binary;

namespace Portal.Features.Learning;

/// <summary>
/// The hashed features of one Rank as logged for the trainer, so it learns without parsing the request again:
/// <c>[version 1][uint audit-only fingerprint][ushort chosen][ushort sets]</c>, then per set (context first, then each
/// action) <c>[int count]</c> and <c>count × [byte namespace][uint hash][float value]</c> in the set's grouped order.
/// Display names are not kept (learning needs none; explanations read the logged request). The fingerprint names the
/// audit-only features removed when Rank hashed them: when the loop's list has changed since, the trainer parses the
/// request again with the current list, as it always did.
/// </summary>
public static class LearnerFeatureRecord
{
    private const byte Version = 1;
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
    /// Whether <see cref="TryRead"/> will read the record with <paramref name="fingerprint"/>: the version, the
    /// audit-only fingerprint and every set's length fit. Reads only the counts, so a reader can decide what else to load.
    /// </summary>
    public static bool IsUsable(byte[]? record, uint fingerprint)
    {
        if (record is not { Length: >= HeaderBytes } || record[0] != Version) return false;
        var span = record.AsSpan();
        if (BinaryPrimitives.ReadUInt32LittleEndian(span[1..]) != fingerprint) return false;
        var sets = BinaryPrimitives.ReadUInt16LittleEndian(span[7..]);
        if (sets < 2 || BinaryPrimitives.ReadUInt16LittleEndian(span[5..]) >= sets - 1) return false;
        long at = HeaderBytes;
        for (var s = 0; s < sets; s++)
        {
            if (at + 4 > span.Length) return false;
            var count = BinaryPrimitives.ReadInt32LittleEndian(span[(int)at..]);
            if (count < 0) return false;
            at += 4 + (long)count * FeatureBytes;
        }
        return at == span.Length;
    }

    /// <summary>The features and the chosen index, or false when the record is absent, unknown, or hashed with other audit-only features.</summary>
    public static bool TryRead(byte[]? record, uint fingerprint, out FeatureSet context, out FeatureSet[] actions, out int chosen)
    {
        context = FeatureSet.Empty;
        actions = [];
        chosen = -1;
        if (!IsUsable(record, fingerprint)) return false;
        var span = record.AsSpan();
        chosen = BinaryPrimitives.ReadUInt16LittleEndian(span[5..]);
        var sets = BinaryPrimitives.ReadUInt16LittleEndian(span[7..]);
        try
        {
            var at = HeaderBytes;
            context = ReadSet(span, ref at);
            actions = new FeatureSet[sets - 1];
            for (var i = 0; i < actions.Length; i++) actions[i] = ReadSet(span, ref at);
            return at == span.Length;
        }
        catch (Exception error) when (error is ArgumentOutOfRangeException or IndexOutOfRangeException or OverflowException)
        {
            return false; // a damaged record: the request is still in the log
        }
    }

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

    private static FeatureSet ReadSet(ReadOnlySpan<byte> span, ref int at)
    {
        var count = BinaryPrimitives.ReadInt32LittleEndian(span[at..]);
        at += 4;
        if (count == 0) return FeatureSet.Empty;
        var hashes = new uint[count];
        var values = new float[count];
        var groups = 0;
        for (var i = 0; i < count; i++)
        {
            var row = span.Slice(at + i * FeatureBytes, FeatureBytes);
            if (i == 0 || row[0] != span[at + (i - 1) * FeatureBytes]) groups++;
            hashes[i] = BinaryPrimitives.ReadUInt32LittleEndian(row[1..]);
            values[i] = BinaryPrimitives.ReadSingleLittleEndian(row[5..]);
        }

        var groupIndex = new byte[groups];
        var groupStart = new int[groups + 1];
        for (int i = 0, g = -1; i < count; i++)
        {
            var ns = span[at + i * FeatureBytes];
            if (g < 0 || groupIndex[g] != ns)
            {
                groupIndex[++g] = ns;
                groupStart[g] = i;
            }
        }
        groupStart[groups] = count;
        at += count * FeatureBytes;
        return new FeatureSet(groupIndex, groupStart, hashes, values, []);
    }
}
