using System.Globalization;

namespace Portal.Benchmarks.Service;

/// <summary>
/// <c>stream-load</c>: Rank arrives at a fixed rate (default 1,000/s) for 60 s with no page open, then again with five
/// live-stream pages open in chromium. Prints the achieved Rank rate and latency of both runs and their ratio, and the
/// server's resident memory over the run with pages, sampled every 10 s. Options: --rate 1000 --seconds 60 --pages 5
/// --warmup 15 --port 5395 --data DIR.
/// </summary>
public static class StreamLoadCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var settings = ServerSettings.FromOptions(options, "portal-stream-") with { Port = options.Int("port", 5395) };
        var rate = options.Int("rate", 1000);
        var duration = TimeSpan.FromSeconds(options.Int("seconds", 60));
        var pageCount = options.Int("pages", 5);
        var warmup = TimeSpan.FromSeconds(options.Int("warmup", 15));
        Console.WriteLine($"stream-load: Rank at {rate}/s for {duration.TotalSeconds:F0} s without pages, then with {pageCount} live-stream pages; data {settings.DataDirectory}");

        await using var server = await PortalServer.StartAsync(settings, CancellationToken.None);
        using var http = PortalClient.CreateHttp(settings);
        var paced = new PacedRank(new PortalClient(http), rate);
        await paced.RunAsync("warm", warmup);

        var cpu = new CpuShares(server.Id);
        var aloneMemory = new MemorySampler(server.Id);
        var aloneSampling = aloneMemory.RunAsync(TimeSpan.FromSeconds(10));
        cpu.Start();
        var alone = await paced.RunAsync("alone", duration);
        var aloneCost = cpu.ServerMicroseconds() / alone.Created;
        Console.WriteLine($"no page open:       {alone}; {cpu.Describe()}; server CPU {aloneCost:F0} µs per decision");
        aloneMemory.Stop();
        await aloneSampling;

        await using var pages = await StreamPages.OpenAsync(settings.BaseAddress, pageCount);
        await paced.RunAsync("warm-pages", warmup);
        var memory = new MemorySampler(server.Id);
        var sampling = memory.RunAsync(TimeSpan.FromSeconds(10));
        cpu.Start();
        var watched = await paced.RunAsync("watched", duration);
        var shares = cpu.Describe();
        var watchedCost = cpu.ServerMicroseconds() / watched.Created;
        memory.Stop();
        await sampling;
        Console.WriteLine($"{pageCount} pages open:       {watched}; {shares}; server CPU {watchedCost:F0} µs per decision");
        foreach (var line in await pages.CountersAsync()) Console.WriteLine($"  page: {line}");

        var ratio = watched.Rate / alone.Rate;
        // What the pages cost the server itself, whatever else shares the machine (the browser, the load generator).
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server CPU per decision with pages / without: {watchedCost / aloneCost:F3}; the server's Rank capacity with pages open is {aloneCost / watchedCost:F3} of its capacity without"));
        Console.WriteLine($"server memory (RSS, MB, every 10 s) without pages: {aloneMemory}");
        Console.WriteLine($"server memory (RSS, MB, every 10 s) with pages:    {memory}");
        // Flat: the run with pages ends where it started (within the garbage collector's own swing, as the run without
        // pages shows it); open pages hold their bounded buffers, so its level is higher, but it must not climb.
        var swing = Math.Max(25, aloneMemory.Samples.Max() - aloneMemory.Samples.Min());
        var (start, end) = (memory.Samples[0], memory.Samples[^1]);
        var flat = end - start <= Math.Max(swing, 0.1 * start);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput with pages / without: {ratio:F3} ({(ratio >= 0.9 ? "PASS" : "FAIL")}, ≥ 0.90); memory with pages: start {start:F0} MB, end {end:F0} MB, " +
            $"peak {memory.Samples.Max():F0} MB ({(flat ? "PASS" : "FAIL")}, end − start ≤ {Math.Max(swing, 0.1 * start):F0} MB); without pages {aloneMemory.Samples.Min():F0}–{aloneMemory.Samples.Max():F0} MB"));
        var passed = ratio >= 0.9 && flat && alone.Failed == 0 && watched.Failed == 0;
        if (passed) settings.CleanUp();
        return passed ? 0 : 1;
    }
}
