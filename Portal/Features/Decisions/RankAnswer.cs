using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.ObjectPool;
using Portal.Contracts.Personalizer;

namespace Portal.Features.Decisions;

/// <summary>
/// Rank's HTTP answer: 201 and the <see cref="RankResponse"/> with its <c>whyUrl</c>, signed and serialized before the
/// decision is committed (<see cref="Prepare"/>), by the thread that read the request. The log writer's thread resumes
/// every Rank of a batch after the commit, one after the other, before it takes the next batch
/// (<see cref="Log.DecisionLogWriter.AppendForAnswerAsync"/>): what is left for it is to send these bytes.
/// Rented for one Rank, back in the pool once sent.
/// </summary>
public sealed class RankAnswer : IResult, IResettable
{
    private const int MaxKeptBytes = 64 * 1024;

    // As many as Ranks wait for their commit at once (the connections in flight), not the framework's default of 2 per core.
    private static readonly ObjectPool<RankAnswer> Pool = new DefaultObjectPool<RankAnswer>(new DefaultPooledObjectPolicy<RankAnswer>(), 1024);

    private readonly ArrayBufferWriter<byte> buffer = new(1024);
    private readonly Utf8JsonWriter json;
    private IDecisionLinks? links;
    private HttpRequest? request;
    private string? loopId;

    public RankAnswer() => json = new Utf8JsonWriter(buffer);

    /// <summary>An answer to the given request, whose why link points to the loop's decision.</summary>
    public static RankAnswer Rent(IDecisionLinks links, HttpRequest request, string loopId)
    {
        var answer = Pool.Get();
        answer.links = links;
        answer.request = request;
        answer.loopId = loopId;
        return answer;
    }

    /// <summary>An answer that will not be sent (a refused duplicate) goes back at once.</summary>
    public static void Return(RankAnswer answer) => Pool.Return(answer);

    public bool TryReset()
    {
        links = null;
        request = null;
        loopId = null;
        buffer.ResetWrittenCount();
        return buffer.Capacity <= MaxKeptBytes;
    }

    /// <summary>The response's JSON, as the serializer writes it (same names, order and number format).</summary>
    public ReadOnlyMemory<byte> Json => buffer.WrittenMemory;

    /// <summary>Signs the decision's why link and writes the response with it.</summary>
    public void Prepare(RankResponse response)
    {
        var withLink = response with { WhyUrl = links!.UrlFor(request!, loopId!, response.EventId) };
        buffer.ResetWrittenCount();
        json.Reset(buffer);
        JsonSerializer.Serialize(json, withLink, PersonalizerJsonContext.Default.RankResponse);
    }

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status201Created;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = buffer.WrittenCount;
        // The pipe copies the bytes: the answer can go back as soon as the write returns.
        var write = response.BodyWriter.WriteAsync(buffer.WrittenMemory, httpContext.RequestAborted);
        if (!write.IsCompletedSuccessfully) return ReturnAfterAsync(write);
        Pool.Return(this);
        return Task.CompletedTask;
    }

    private async Task ReturnAfterAsync(ValueTask<System.IO.Pipelines.FlushResult> write)
    {
        try
        {
            await write;
        }
        finally
        {
            Pool.Return(this);
        }
    }
}
