using System.Globalization;

namespace Portal.Benchmarks.Service;

/// <summary>
/// CPU used over an interval by the server, by chromium (all its processes) and by everything else, as shares of all
/// cores: the pages' browser shares this machine with the server, which a real deployment would not.
/// </summary>
public sealed class CpuShares(int serverId)
{
    private readonly record struct Mark(long Busy, long Server, long Chromium, DateTime At);

    private Mark start;

    public void Start() => start = Read();

    /// <summary>The server's CPU time since <see cref="Start"/>, in microseconds.</summary>
    public double ServerMicroseconds() => (Read().Server - start.Server) * 10_000.0;

    public string Describe()
    {
        var end = Read();
        var capacity = (end.At - start.At).TotalSeconds * 100 * Environment.ProcessorCount; // clock ticks at USER_HZ 100
        double Share(long ticks) => 100 * ticks / capacity;
        var server = end.Server - start.Server;
        var chromium = Math.Max(0, end.Chromium - start.Chromium); // processes that ended meanwhile take their ticks along
        var other = Math.Max(0, end.Busy - start.Busy - server - chromium);
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU of {Environment.ProcessorCount} cores: server {Share(server):F0}%, chromium {Share(chromium):F0}%, other processes {Share(other):F0}%");
    }

    private Mark Read()
    {
        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var busy = new[] { 1, 2, 3, 6, 7, 8 }.Sum(i => long.Parse(cpu[i], CultureInfo.InvariantCulture));
        var chromium = Directory.EnumerateDirectories("/proc").Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _) && IsChromium(name!)).Sum(name => Ticks(int.Parse(name!, CultureInfo.InvariantCulture)));
        return new Mark(busy, Ticks(serverId), chromium, DateTime.UtcNow);
    }

    private static bool IsChromium(string pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim().StartsWith("chrom", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static long Ticks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
