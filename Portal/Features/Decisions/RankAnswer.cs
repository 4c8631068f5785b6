using System.Buffers;
using System.Text.Json;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Decisions;

/// <summary>
/// Rank's 201 answer: serialized at once into a buffer the thread reuses, then written with its length. The framework's
/// JSON result serializes asynchronously into the response pipe (and so answers chunked), which cost Rank ≈ 3% of the
/// server's CPU under load for a body of about a kilobyte. Same bytes as <see cref="PersonalizerJsonContext"/> writes.
/// </summary>
internal sealed class RankAnswer(RankResponse response) : IResult
{
    private const int MaxKeptBytes = 64 * 1024;

    private static readonly JsonWriterOptions Writing = new()
    {
        Encoder = PersonalizerJsonContext.Default.Options.Encoder,
        Indented = PersonalizerJsonContext.Default.Options.WriteIndented,
    };

    [ThreadStatic] private static ArrayBufferWriter<byte>? buffer;
    [ThreadStatic] private static Utf8JsonWriter? writer;

    public RankResponse Response { get; } = response;

    public Task ExecuteAsync(HttpContext http)
    {
        var bytes = buffer ??= new ArrayBufferWriter<byte>(2048);
        var json = writer ??= new Utf8JsonWriter(bytes, Writing);
        bytes.ResetWrittenCount();
        json.Reset(bytes);
        JsonSerializer.Serialize(json, Response, PersonalizerJsonContext.Default.RankResponse);

        http.Response.StatusCode = StatusCodes.Status201Created;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = bytes.WrittenCount;
        var body = http.Response.BodyWriter;
        body.Write(bytes.WrittenSpan);
        // A Rank with very many actions or explanations does not keep its large buffer on the thread.
        if (bytes.Capacity > MaxKeptBytes) (buffer, writer) = (null, null);
        return Flush(body.FlushAsync());
    }

    private static Task Flush(ValueTask<System.IO.Pipelines.FlushResult> flush) =>
        flush.IsCompletedSuccessfully ? Task.CompletedTask : flush.AsTask();
}
