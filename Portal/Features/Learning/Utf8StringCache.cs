using System.Text;

namespace Portal.Features.Learning;

/// <summary>
/// Strings for short UTF-8 texts that repeat from request to request (feature names and category values), so feature
/// labels cost no allocation once seen. Direct-mapped and bounded: a collision replaces the slot's entry, so a stream
/// of distinct values (user ids) costs what it did without the cache and never grows it. One per thread.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Slots = 2048;
    private const int MaxCachedBytes = 64;
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[]?[] keys = new byte[Slots][];
    private readonly string?[] texts = new string[Slots];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxCachedBytes) return Strict.GetString(utf8);
        var slot = (int)(MurmurHash3.Hash(utf8, 0) & (Slots - 1));
        if (keys[slot] is { } known && utf8.SequenceEqual(known)) return texts[slot]!;
        var text = Strict.GetString(utf8);
        keys[slot] = utf8.ToArray();
        texts[slot] = text;
        return text;
    }
}
