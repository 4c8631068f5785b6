using System.Diagnostics;
using System.Globalization;

namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>durability</c>: rounds of Rank at full speed → SIGKILL at a random moment → restart (same data folder) → every
/// acknowledged eventId must be in Decisions, and integrity_check must say ok.
/// Options: --rounds 20 --clients 32 --min-ms 500 --max-ms 4000 --seed 1 --max-minutes 20 --port 5392 --data DIR.
/// </summary>
public static class DurabilityCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var settings = ServerSettings.FromOptions(options, "portal-durability-");
        var rounds = options.Int("rounds", 20);
        var random = new Random(options.Int("seed", 1));
        var killWindow = (Min: options.Int("min-ms", 500), Max: options.Int("max-ms", 4000));
        var budget = Stopwatch.StartNew();
        var limit = TimeSpan.FromMinutes(options.Int("max-minutes", 20));
        var run = DateTime.UtcNow.ToString("HHmmss", CultureInfo.InvariantCulture);

        Console.WriteLine($"durability: {rounds} rounds, {options.Int("clients", 32)} Rank clients, SIGKILL after {killWindow.Min}-{killWindow.Max} ms; data {settings.DataDirectory}");
        var server = await PortalServer.StartAsync(settings, CancellationToken.None);
        var total = new DurabilityTotals();
        try
        {
            for (var round = 1; round <= rounds && budget.Elapsed < limit; round++)
            {
                var delay = TimeSpan.FromMilliseconds(random.Next(killWindow.Min, killWindow.Max + 1));
                var result = await DurabilityRound.RunAsync(server, settings, $"dur{run}-r{round}", options.Int("clients", 32), delay);
                server = result.Restarted;
                total.Add(result);
                Console.WriteLine($"round {round,2}: killed after {delay.TotalMilliseconds,5:F0} ms (pid {result.KilledPid}) | {result}");
            }
        }
        finally
        {
            await server.DisposeAsync();
        }

        Console.WriteLine($"TOTAL {total} ({budget.Elapsed.TotalSeconds:F0} s)");
        if (!total.Passed) return 1;
        settings.CleanUp();
        return 0;
    }
}
