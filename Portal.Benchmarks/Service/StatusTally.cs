using System.Collections.Concurrent;

namespace Portal.Benchmarks.Service;

/// <summary>Responses per writer kind and status, failed requests, and bodies that mention "locked".</summary>
public sealed class StatusTally
{
    private readonly ConcurrentDictionary<(string Writer, string Outcome), long> counts = new();
    private long locked;

    public long Locked => Interlocked.Read(ref locked);

    public long ServerErrors => counts.Where(c => c.Key.Outcome.StartsWith('5')).Sum(c => c.Value);

    public long Failures => counts.Where(c => c.Key.Outcome == "exception").Sum(c => c.Value);

    public void Count(string writer, Reply reply)
    {
        counts.AddOrUpdate((writer, reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)), 1, (_, n) => n + 1);
        if (reply.MentionsLocked) Interlocked.Increment(ref locked);
    }

    public void CountFailure(string writer) => counts.AddOrUpdate((writer, "exception"), 1, (_, n) => n + 1);

    public IEnumerable<string> Lines(TimeSpan elapsed) => counts.OrderBy(c => c.Key.Writer).ThenBy(c => c.Key.Outcome)
        .Select(c => $"  {c.Key.Writer,-9} {c.Key.Outcome,-9} {c.Value,8}  ({c.Value / elapsed.TotalSeconds,7:F1}/s)");
}
