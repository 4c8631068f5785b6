using System.Diagnostics;

namespace Portal.Benchmarks.Service;

/// <summary>One round: flood Rank, SIGKILL after <c>delay</c>, restart on the same data folder, audit.</summary>
public sealed record DurabilityRound(PortalServer Restarted, int KilledPid, int Acknowledged, long Refused, long CutOff,
    int Missing, string Integrity, TimeSpan RestartTime)
{
    public static async Task<DurabilityRound> RunAsync(PortalServer server, ServerSettings settings, string prefix, int clients, TimeSpan delay)
    {
        using var http = PortalClient.CreateHttp(settings);
        var flood = new RankFlood(new PortalClient(http), prefix, clients);
        using var stop = new CancellationTokenSource();
        var running = flood.RunAsync(stop.Token);
        await Task.Delay(delay);
        var killedPid = server.Id;
        await server.DisposeAsync();
        await stop.CancelAsync();
        await running;

        var restart = Stopwatch.StartNew();
        var restarted = await PortalServer.StartAsync(settings, CancellationToken.None);
        restart.Stop();
        var acknowledged = flood.Acknowledged.ToArray();
        var audit = new DecisionAudit(settings.DatabasePath);
        var missing = audit.Missing(acknowledged, prefix);
        foreach (var id in missing.Take(5)) Console.WriteLine($"  missing: {id}");
        return new DurabilityRound(restarted, killedPid, acknowledged.Length, flood.Refused, flood.CutOff,
            missing.Count, audit.IntegrityCheck(), restart.Elapsed);
    }

    public override string ToString() =>
        $"acknowledged {Acknowledged,6}, missing {Missing}, integrity {Integrity} | refused {Refused}, cut off by the kill {CutOff}, restart to ready {RestartTime.TotalSeconds:F1} s";
}
