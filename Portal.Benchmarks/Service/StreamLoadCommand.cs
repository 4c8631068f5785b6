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
        cpu.Start();
        var alone = await paced.RunAsync("alone", duration);
        Console.WriteLine($"no page open:       {alone}; {cpu.Describe()}");

        await using var pages = await StreamPages.OpenAsync(settings.BaseAddress, pageCount);
        await paced.RunAsync("warm-pages", warmup);
        var memory = new MemorySampler(server.Id);
        var sampling = memory.RunAsync(TimeSpan.FromSeconds(10));
        cpu.Start();
        var watched = await paced.RunAsync("watched", duration);
        var shares = cpu.Describe();
        memory.Stop();
        await sampling;
        Console.WriteLine($"{pageCount} pages open:       {watched}; {shares}");
        foreach (var line in await pages.CountersAsync()) Console.WriteLine($"  page: {line}");

        var ratio = watched.Rate / alone.Rate;
        var (first, last) = (memory.Samples[0], memory.Samples[^1]);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"server memory (RSS) with pages open, every 10 s: {string.Join(" → ", memory.Samples.Select(mb => $"{mb:F0}"))} MB"));
        var flat = last - first <= Math.Max(25, 0.1 * first);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"throughput with pages / without: {ratio:F3} ({(ratio >= 0.9 ? "PASS" : "FAIL")}, ≥ 0.90); memory start {first:F0} MB, end {last:F0} MB ({(flat ? "PASS" : "FAIL")}, flat within max(25 MB, 10%))"));
        var passed = ratio >= 0.9 && flat && alone.Failed == 0 && watched.Failed == 0;
        if (passed) settings.CleanUp();
        return passed ? 0 : 1;
    }
}
