using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace Portal.Benchmarks.Service;

/// <summary>
/// The runtime's allocation samples (one event per ~100 KB allocated, naming the type that crossed the mark), summed by
/// type while enabled: which types a workload allocates most, in proportion. In-process, no tracing tool needed.
/// </summary>
public sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> bytesByType = new();
    private volatile bool recording;

    public void Start()
    {
        bytesByType.Clear();
        recording = true;
    }

    public IReadOnlyList<(string Type, double Share)> Stop(int top)
    {
        recording = false;
        var total = (double)Math.Max(1, bytesByType.Values.Sum());
        return bytesByType.OrderByDescending(t => t.Value).Take(top).Select(t => (t.Key, t.Value / total)).ToList();
    }

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!recording || e.EventName is null || !e.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.Payload is null) return;
        var type = e.PayloadNames!.IndexOf("TypeName") is var t and >= 0 ? e.Payload[t] as string ?? "?" : "?";
        var amount = e.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(e.Payload[a]) : 100_000;
        bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }
}
