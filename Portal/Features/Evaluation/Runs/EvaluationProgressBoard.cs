using System.Collections.Concurrent;
using Portal.Infrastructure.Notifications;

namespace Portal.Features.Evaluation.Runs;

/// <summary>
/// The live progress of the running evaluation, and a signal when any run changes (queued, started, ended), for the open
/// evaluation pages. Progress raises the signal at most every <see cref="ReportEvery"/>, so a page renders a few times a
/// second however fast the evaluator reports.
/// </summary>
public sealed class EvaluationProgressBoard(TimeProvider clock, ILogger<ChangeSignal> logger)
{
    public static readonly TimeSpan ReportEvery = TimeSpan.FromMilliseconds(250);

    private readonly ChangeSignal signal = new(logger);
    private readonly ConcurrentDictionary<RunKey, EvaluationProgress> live = new();
    private long lastRaise = long.MinValue;

    public IDisposable Subscribe(Func<Task> onChange) => signal.Subscribe(onChange);

    public EvaluationProgress? ProgressOf(RunKey run) => live.TryGetValue(run, out var progress) ? progress : null;

    /// <summary>A run was queued, started, ended or was removed.</summary>
    public void Changed(RunKey run, bool ended = false)
    {
        if (ended) live.TryRemove(run, out _);
        signal.Raise();
    }

    /// <summary>The reporter a run hands to the evaluator.</summary>
    public IProgress<EvaluationProgress> ReporterFor(RunKey run) => new Reporter(this, run);

    private void Report(RunKey run, EvaluationProgress progress)
    {
        live[run] = progress;
        var now = clock.GetTimestamp();
        var last = Interlocked.Read(ref lastRaise);
        if (last != long.MinValue && clock.GetElapsedTime(last, now) < ReportEvery) return;
        Interlocked.Exchange(ref lastRaise, now);
        signal.Raise();
    }

    /// <summary>Synchronous (not <see cref="Progress{T}"/>): no posting to a context, the last value always wins.</summary>
    private sealed class Reporter(EvaluationProgressBoard board, RunKey run) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => board.Report(run, value);
    }
}
