using Portal.Contracts.Personalizer;
using Portal.Features.Decisions.Log;
using Portal.Features.Learning;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Web;

namespace Portal.Features.Decisions;

/// <summary>
/// Rank's body, read once into a pooled buffer and read in one pass that also hashes its features
/// (<see cref="RankBodyReader"/>; the serializer when that declines, so its answers and messages for odd input stay as
/// they were). The request's context elements, feature ranges and hashed sets point into the buffer and the reader's
/// arena: dispose this only after the decision is made.
/// </summary>
internal sealed class RankRequestBody : IDisposable
{
    private RequestBody? body;
    private HashedRankRequest? hashed;

    public RankRequest? Request { get; private set; }

    /// <summary>The features as the learner sees them, when the one-pass reader read the body (else Rank hashes them itself).</summary>
    public RequestFeatures? Features => hashed?.Features;

    /// <summary>The body as the application sent it, for the log: its bytes in the pooled buffer, valid until this is disposed.</summary>
    public LoggedText RawJson { get; private set; }

    /// <summary>Where the actions list lies in <see cref="RawJson"/>, when the one-pass reader read the body.</summary>
    public Range? ActionsJson => hashed?.ActionsText;

    public IResult? Error { get; private set; }

    /// <param name="auditOnlyFeatures">The loop's context features that are logged but never learned from (not hashed).</param>
    public static async Task<RankRequestBody> ReadAsync(HttpRequest request, IReadOnlySet<string>? auditOnlyFeatures, CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync(request, ct);
        if (body is null) return new RankRequestBody { Error = ApiResults.TooLarge(RequestBody.MaxBytes) };
        var read = new RankRequestBody { body = body, hashed = RankBodyReader.TryRead(body.Memory, auditOnlyFeatures) };
        if (read.hashed is { } fast)
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
        hashed?.Dispose();
        body?.Dispose();
    }
}
