using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// Strings for the feature names, paths and category values read from UTF-8 JSON, which repeat from request to request:
/// once seen, they cost no allocation. Read by Rank's body walker and by the readers of logged contexts (the
/// manipulation watch, insights). Bounded: texts are cached direct-mapped (a collision replaces the slot's entry, so a
/// stream of distinct values, user ids say, costs what it did without the cache and never grows it), and the joined
/// paths are forgotten once there are too many. Not thread-safe: one per thread (<see cref="ForThread"/>).
/// </summary>
public sealed class FeatureStrings
{
    private const int Slots = 2048;
    private const int MaxCachedBytes = 64;
    private const int MaxJoined = 4096;
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [ThreadStatic]
    private static FeatureStrings? current;

    private readonly byte[]?[] keys = new byte[Slots][];
    private readonly string?[] texts = new string[Slots];
    private readonly Dictionary<(string Prefix, string Key), string> joined = [];

    /// <summary>The calling thread's strings.</summary>
    public static FeatureStrings ForThread() => current ??= new FeatureStrings();

    /// <summary>The string of a UTF-8 text (throws <see cref="DecoderFallbackException"/> when it is not UTF-8).</summary>
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedBytes) return Strict.GetString(utf8);
        var hash = new HashCode();
        hash.AddBytes(utf8);
        var slot = hash.ToHashCode() & (Slots - 1);
        if (keys[slot] is { } known && utf8.SequenceEqual(known)) return texts[slot]!;
        var text = Strict.GetString(utf8);
        keys[slot] = utf8.ToArray();
        texts[slot] = text;
        return text;
    }

    /// <summary>The string of the reader's current string or property name, unescaped.</summary>
    public string Get(in Utf8JsonReader reader)
    {
        byte[]? rented = null;
        try
        {
            return Get(Unescaped(in reader, stackalloc byte[256], ref rented));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>A nested feature's path: <c>prefix.key</c>, or the key alone at the top.</summary>
    public string Join(string prefix, string key)
    {
        if (prefix.Length == 0) return key;
        if (joined.TryGetValue((prefix, key), out var path)) return path;
        if (joined.Count >= MaxJoined) joined.Clear();
        return joined[(prefix, key)] = prefix + "." + key;
    }

    /// <summary>
    /// The token's unescaped UTF-8: the input itself unless it has escapes, then a copy in <paramref name="scratch"/>, or
    /// in <paramref name="rented"/> (from the shared pool, for the caller to return) when it is too small.
    /// </summary>
    public static ReadOnlySpan<byte> Unescaped(in Utf8JsonReader reader, Span<byte> scratch, ref byte[]? rented)
    {
        if (!reader.ValueIsEscaped) return reader.ValueSpan;
        if (reader.ValueSpan.Length > scratch.Length) scratch = rented = ArrayPool<byte>.Shared.Rent(reader.ValueSpan.Length);
        return scratch[..reader.CopyString(scratch)];
    }
}
