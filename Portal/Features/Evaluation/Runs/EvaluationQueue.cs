using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// Runs waiting for the <see cref="EvaluationRunner"/>, bounded by <see cref="EvaluationRunOptions.QueueCapacity"/>: a
/// full queue refuses (the caller says so) instead of waiting or growing.
/// </summary>
public sealed class EvaluationQueue(IOptions<EvaluationRunOptions> options)
{
    private readonly Channel<RunKey> channel = Channel.CreateBounded<RunKey>(new BoundedChannelOptions(options.Value.QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    public bool TryEnqueue(RunKey run) => channel.Writer.TryWrite(run);

    public IAsyncEnumerable<RunKey> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}
