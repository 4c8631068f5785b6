namespace Portal.Benchmarks.Service;

/// <summary>Samples a process's resident memory (VmRSS from /proc) at a fixed interval.</summary>
public sealed class MemorySampler(int processId)
{
    private readonly CancellationTokenSource stop = new();

    public List<double> Samples { get; } = [];

    public async Task RunAsync(TimeSpan every)
    {
        using var timer = new PeriodicTimer(every);
        Samples.Add(ResidentMegabytes());
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token)) Samples.Add(ResidentMegabytes());
        }
        catch (OperationCanceledException)
        {
        }
        Samples.Add(ResidentMegabytes());
    }

    public void Stop() => stop.Cancel();

    public override string ToString() => string.Join(" → ", Samples.Select(mb => mb.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));

    private double ResidentMegabytes()
    {
        var line = File.ReadLines($"/proc/{processId}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
    }
}
