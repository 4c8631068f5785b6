using System.Buffers;
using System.Text.Json;

namespace Portal.Contracts.Personalizer;

/// <summary>
/// A Rank request whose feature lists are elements of one document over the request's bytes. The elements are valid
/// only until this is disposed (the document's buffers, and a rented copy of the text, go back to their pools).
/// </summary>
public sealed class ParsedRankRequest : IDisposable
{
    private JsonDocument? document;
    private byte[]? rented;

    internal ParsedRankRequest(RankRequest request, JsonDocument? document, byte[]? rented)
    {
        Request = request;
        this.document = document;
        this.rented = rented;
    }

    public RankRequest Request { get; }

    public void Dispose()
    {
        document?.Dispose();
        document = null;
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        rented = null;
    }
}
