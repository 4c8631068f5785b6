using System.Buffers;

namespace Portal.Infrastructure.Web;

/// <summary>
/// Reads a request body into a pooled buffer with a hard size limit, so an oversized body is refused with 413
/// before it is parsed, whatever the server's own limits are.
/// </summary>
public sealed class RequestBody : IDisposable
{
    public const int MaxBytes = 1024 * 1024;

    private byte[]? buffer;

    private RequestBody(byte[] buffer, int length)
    {
        this.buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => buffer.AsSpan(0, Length);

    /// <summary>The body as memory, valid until this is disposed.</summary>
    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, Length);

    /// <summary>Returns null when the body is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<RequestBody?> ReadAsync(HttpRequest request, CancellationToken ct, int limit = MaxBytes)
    {
        if (request.ContentLength > limit) return null;
        var initial = request.ContentLength is > 0 and var known ? (int)known + 1 : 4096;
        var rented = ArrayPool<byte>.Shared.Rent(Math.Min(initial, limit + 1));
        var length = 0;
        while (true)
        {
            if (length == rented.Length)
            {
                if (length > limit) break;
                var larger = ArrayPool<byte>.Shared.Rent(Math.Min(rented.Length * 2, limit + 1));
                rented.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(rented);
                rented = larger;
            }
            var read = await request.Body.ReadAsync(rented.AsMemory(length), ct);
            if (read == 0) break;
            length += read;
        }
        if (length > limit)
        {
            ArrayPool<byte>.Shared.Return(rented);
            return null;
        }
        return new RequestBody(rented, length);
    }

    public void Dispose()
    {
        if (buffer is null) return;
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = null;
    }
}
