using System.Buffers;
using System.Text;

namespace Portal.Contracts;

/// <summary>
/// A string's UTF-8 bytes in a buffer rented from the shared pool, for readers that work on bytes (a logged request
/// read as Rank reads a body). Dispose once to return the buffer; the bytes are invalid after that.
/// </summary>
public readonly struct PooledUtf8 : IDisposable
{
    private readonly byte[] rented;

    private PooledUtf8(byte[] rented, int length) => (this.rented, Memory) = (rented, rented.AsMemory(0, length));

    public ReadOnlyMemory<byte> Memory { get; }

    public static PooledUtf8 Of(string text)
    {
        var rented = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        return new PooledUtf8(rented, Encoding.UTF8.GetBytes(text, rented));
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(rented);
}
