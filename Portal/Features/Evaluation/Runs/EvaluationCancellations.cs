using System.Collections.Concurrent;

namespace Portal.Features.Evaluation.Runs;

/// <summary>The cancellation of the run in progress, so that a person (Cancel) or a client (DELETE) can stop it.</summary>
public sealed class EvaluationCancellations
{
    private readonly ConcurrentDictionary<RunKey, CancellationTokenSource> running = new();

    /// <summary>Registers a starting run; dispose the result when it ends.</summary>
    public Registration Start(RunKey run, CancellationToken stopping)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        running[run] = source;
        return new Registration(this, run, source);
    }

    /// <summary>Asks the run to stop; false when it is not running.</summary>
    public bool Cancel(RunKey run)
    {
        if (!running.TryGetValue(run, out var source)) return false;
        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public sealed class Registration(EvaluationCancellations owner, RunKey run, CancellationTokenSource source) : IDisposable
    {
        public CancellationToken Token => source.Token;

        public void Dispose()
        {
            owner.running.TryRemove(new KeyValuePair<RunKey, CancellationTokenSource>(run, source));
            source.Dispose();
        }
    }
}
