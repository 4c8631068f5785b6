using System.Diagnostics;

namespace Portal.Infrastructure.Persistence;

/// <summary>
/// What a group-commit writer has committed since start: batches, writes, and the wall time spent writing and
/// committing them (mostly the disk flush). Cumulative, like any counter: two readings a few seconds apart give the
/// writes per commit, the time per commit and the share of that time the writer was busy, which tells whether the
/// disk's flush is what limits Rank (see <c>bench/rank-load.sh</c>).
/// </summary>
public readonly record struct CommitTotals(long Batches, long Writes, TimeSpan Committing);

/// <summary>The writer loop's running <see cref="CommitTotals"/>: written by that loop only, read from anywhere.</summary>
internal sealed class CommitTally
{
    private long batches;
    private long writes;
    private long committingTicks;

    public long Batches => Volatile.Read(ref batches);

    public CommitTotals Totals => new(Volatile.Read(ref batches), Volatile.Read(ref writes),
        Stopwatch.GetElapsedTime(0, Volatile.Read(ref committingTicks)));

    /// <summary>One committed batch of <paramref name="count"/> writes that began at timestamp <paramref name="started"/>.</summary>
    public void Add(int count, long started)
    {
        Volatile.Write(ref committingTicks, committingTicks + (Stopwatch.GetTimestamp() - started));
        Volatile.Write(ref writes, writes + count);
        Volatile.Write(ref batches, batches + 1);
    }
}
