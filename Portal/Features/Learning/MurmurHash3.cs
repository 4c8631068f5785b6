using System.Buffers;
using System.Text;

namespace Portal.Features.Learning;

/// <summary>
/// MurmurHash3 x86 32-bit, the hash Vowpal Wabbit calls <c>uniform_hash</c>, and VW's <c>hashstring</c>
/// rule on top of it (surrounding whitespace trimmed; an all-digit string hashes to its value plus the seed).
/// Written from the published algorithm; results are byte-order independent, so stable across machines.
/// </summary>
internal static class MurmurHash3
{
    private const uint C1 = 0xcc9e2d51;
    private const uint C2 = 0x1b873593;

    /// <summary>A text's length and hash (seed 0) in one key: texts of different lengths never share one (actions lists kept or stored once).</summary>
    public static ulong LengthAndHash(ReadOnlySpan<byte> data) => (ulong)data.Length << 32 | Hash(data, seed: 0);

    public static uint Hash(ReadOnlySpan<byte> data, uint seed)
    {
        var h = seed;
        var blocks = data.Length / 4;
        for (var i = 0; i < blocks; i++)
        {
            var k = (uint)(data[i * 4] | data[i * 4 + 1] << 8 | data[i * 4 + 2] << 16 | data[i * 4 + 3] << 24);
            h ^= Mix(k);
            h = RotateLeft(h, 13) * 5 + 0xe6546b64;
        }

        var tail = data[(blocks * 4)..];
        uint k1 = 0;
        switch (tail.Length)
        {
            case 3: k1 ^= (uint)tail[2] << 16; goto case 2;
            case 2: k1 ^= (uint)tail[1] << 8; goto case 1;
            case 1: k1 ^= tail[0]; h ^= Mix(k1); break;
        }

        h ^= (uint)data.Length;
        return Finalize(h);
    }

    /// <summary>VW's <c>hashstring</c>: trims ASCII whitespace/control chars, digits-only → number + seed.</summary>
    public static uint HashString(ReadOnlySpan<byte> utf8, uint seed)
    {
        var start = 0;
        var end = utf8.Length;
        while (start < end && utf8[start] <= 0x20) start++;
        while (end > start && utf8[end - 1] <= 0x20) end--;
        var trimmed = utf8[start..end];

        uint number = 0;
        foreach (var b in trimmed)
        {
            if (b < (byte)'0' || b > (byte)'9') return Hash(trimmed, seed);
            number = unchecked(10 * number + (uint)(b - '0'));
        }

        return unchecked(number + seed);
    }

    public static uint HashString(string text, uint seed)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        Span<byte> buffer = max <= 512 ? stackalloc byte[512] : (rented = ArrayPool<byte>.Shared.Rent(max));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            return HashString(buffer[..length], seed);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>VW's namespace index: the first byte of the namespace name (UTF-8); the default namespace is ' '.</summary>
    public static byte NamespaceIndex(string name)
    {
        if (name.Length == 0) return (byte)' ';
        if (name[0] < 0x80) return (byte)name[0];
        Span<byte> first = stackalloc byte[4];
        Encoding.UTF8.GetBytes(name.AsSpan(0, char.IsHighSurrogate(name[0]) && name.Length > 1 ? 2 : 1), first);
        return first[0];
    }

    private static uint Mix(uint k) => RotateLeft(k * C1, 15) * C2;

    private static uint RotateLeft(uint x, int r) => (x << r) | (x >> (32 - r));

    private static uint Finalize(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }
}
