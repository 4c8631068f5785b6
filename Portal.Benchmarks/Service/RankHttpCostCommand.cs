extern alias portal;

using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>rank-http-cost</c>: bytes allocated by the server process (its log writer included; the trainer, insights and manipulation watch idle) and µs per request
/// through the whole ASP.NET Core pipeline, Kestrel on loopback in this process, one keep-alive connection whose client
/// allocates almost nothing (<see cref="RawHttpConnection"/>), one request at a time: the trivial endpoint, a Rank
/// refused for its missing key (pipeline and authentication only) and a Rank that is logged and committed (its µs
/// are mostly the wait for its own commit). Options: --calls 5000, --types N (also list the N types a committed Rank
/// allocates most).
/// </summary>
public static class RankHttpCostCommand
{
    private const string Key = "bench-subscription-key-0001";
    private const string EventPrefix = "http-cost-";
    private const int EventDigits = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var calls = options.Int("calls", 5_000);
        var types = options.Int("types", 0);
        var port = FreePort();
        await using var app = new BenchApp();
        app.UseKestrel(port);
        app.StartServer();
        using var connection = new RawHttpConnection(port);
        var live = RawHttpConnection.Request("GET", "/health/live", null, null);
        var rank = new RankRequests();
        Console.WriteLine($"Requests through the whole pipeline (Kestrel on loopback, Production settings), one at a time; median of 5 passes of {calls}");
        Console.WriteLine($"  load average {RankCostCommand.LoadAverage()}");
        var liveCost = await MeasureAsync(calls, 200, () => connection.SendAsync(live));
        var refusedCost = await MeasureAsync(calls, 401, () => connection.SendAsync(rank.Next(key: false)));
        var rankCost = await MeasureAsync(calls, 201, () => connection.SendAsync(rank.Next(key: true)));
        Print("GET /health/live", liveCost);
        Print("POST rank without a key (401: pipeline + authentication)", refusedCost);
        Print("POST rank (201: read, validate, rank, commit, answer)", rankCost);
        Print("Rank beyond /health/live", new StageTimer.Cost(rankCost.Micros - liveCost.Micros, rankCost.Bytes - liveCost.Bytes));
        Console.WriteLine($"  load average {RankCostCommand.LoadAverage()}");
        if (types > 0) await SampleTypesAsync(calls, types, () => connection.SendAsync(rank.Next(key: true)));
        return 0;
    }

    private static async Task<StageTimer.Cost> MeasureAsync(int calls, int expected, Func<Task<int>> send)
    {
        for (var i = 0; i < calls; i++) Check(await send(), expected);
        var passes = new List<StageTimer.Cost>();
        for (var pass = 0; pass < 5; pass++)
        {
            var before = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < calls; i++) Check(await send(), expected);
            var micros = clock.Elapsed.TotalMicroseconds / calls;
            passes.Add(new StageTimer.Cost(micros, (GC.GetTotalAllocatedBytes(precise: true) - before) / (double)calls));
        }
        return passes.OrderBy(c => c.Bytes).ElementAt(passes.Count / 2);
    }

    private static void Check(int status, int expected)
    {
        if (status != expected) throw new InvalidOperationException($"expected {expected}, the server answered {status}");
    }

    /// <summary>The types the committed Rank allocates most (runtime allocation samples), as shares of the sampled bytes.</summary>
    private static async Task SampleTypesAsync(int calls, int top, Func<Task<int>> send)
    {
        using var sampler = new AllocationSampler();
        sampler.Start();
        for (var i = 0; i < calls * 4; i++) Check(await send(), 201);
        Console.WriteLine($"  committed Rank, the {top} types allocated most (share of sampled bytes):");
        foreach (var (type, share) in sampler.Stop(top)) Console.WriteLine($"    {share,6:P1}  {type}");
    }

    private static void Print(string name, StageTimer.Cost cost) =>
        Console.WriteLine($"  {name,-66} {cost.Micros,8:F1} µs {cost.Bytes,9:F0} B");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The benchmarks' Rank body with a fresh eventId each time, written into one reused buffer (fixed-width number).</summary>
    private sealed class RankRequests
    {
        private readonly byte[] withKey = Template(Key);
        private readonly byte[] withoutKey = Template(null);
        private readonly int keyedAt, bareAt;
        private long next;

        public RankRequests()
        {
            keyedAt = withKey.AsSpan().IndexOf(Encoding.ASCII.GetBytes(EventPrefix)) + EventPrefix.Length;
            bareAt = withoutKey.AsSpan().IndexOf(Encoding.ASCII.GetBytes(EventPrefix)) + EventPrefix.Length;
        }

        public ReadOnlyMemory<byte> Next(bool key)
        {
            var (bytes, at) = key ? (withKey, keyedAt) : (withoutKey, bareAt);
            var number = ++next;
            for (var d = EventDigits - 1; d >= 0; d--, number /= 10) bytes[at + d] = (byte)('0' + number % 10);
            return bytes;
        }

        private static byte[] Template(string? key) =>
            RawHttpConnection.Request("POST", "/personalizer/v1.0/rank", key, RankBody.Json(EventPrefix + new string('0', EventDigits), 7));
    }

    /// <summary>Portal as bench/lib.sh starts it (Production, no simulator), on a private data folder; the log's background readers idle.</summary>
    private sealed class BenchApp : WebApplicationFactory<portal::Program>
    {
        private readonly string data = Directory.CreateTempSubdirectory("rank-http-cost").FullName;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Portal:DataDirectory"] = data,
                ["Portal:DemoLoop:ApiKey"] = Key,
                ["Portal:DemoLoop:RewardWaitTime"] = "1.00:00:00",
                // The background readers of the log (trainer, insights, manipulation watch) wait an hour: their work is not Rank's.
                ["Portal:Training:Interval"] = "01:00:00",
                ["Portal:Insights:AggregationInterval"] = "01:00:00",
                ["Portal:Integrity:Detection:CheckInterval"] = "01:00:00",
                ["Portal:Simulator:Enabled"] = "false",
                ["Portal:Admin:Password"] = "Bench-Admin-Passw0rd",
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            Directory.Delete(data, recursive: true);
        }
    }
}
