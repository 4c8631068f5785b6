using Portal.Contracts.Personalizer;
using Portal.Features.Decisions.Log;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Web;

namespace Portal.Features.Decisions;

/// <summary>
/// Rank's body, read once into a pooled buffer and parsed once (<see cref="RankRequestReader"/>; the serializer when
/// that declines, so its answers and messages for odd input stay as they were). The request's feature elements point
/// into the buffer: dispose this only after the decision is made.
/// </summary>
internal sealed class RankRequestBody : IDisposable
{
    private RequestBody? body;
    private ParsedRankRequest? parsed;

    public RankRequest? Request { get; private set; }

    /// <summary>The body as the application sent it, for the log: its bytes in the pooled buffer, valid until this is disposed.</summary>
    public LoggedText RawJson { get; private set; }

    public IResult? Error { get; private set; }

    public static async Task<RankRequestBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(request, ct);
        if (body is null) return new RankRequestBody { Error = ApiResults.TooLarge(RequestBody.MaxBytes) };
        var read = new RankRequestBody { body = body, parsed = RankRequestReader.TryRead(body.Memory) };
        if (read.parsed is { } fast)
        {
            read.Request = fast.Request;
        }
        else
        {
            var slow = JsonBody.Parse(body.Span, PersonalizerJsonContext.Default.RankRequest, ApiErrorCodes.InvalidRankRequest, keepRaw: false);
            read.Request = slow.Value;
            read.Error = slow.Error;
        }
        if (read.Error is null) read.RawJson = new LoggedText(body.Memory);
        return read;
    }

    public void Dispose()
    {
        parsed?.Dispose();
        body?.Dispose();
    }
}
