using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Runs the repository's <c>bench/*.sh</c> helpers that start private servers (PostgreSQL, Redis) for the tests.</summary>
public static class BenchScripts
{
    /// <summary>Runs <c>bench/&lt;script&gt;</c> with the arguments; returns its output, or throws with its errors.</summary>
    public static string Run(string script, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot(), "bench", script));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"bench/{script} {string.Join(' ', start.ArgumentList.Skip(1))} failed ({process.ExitCode}): {errors.Result}");
        return output.Result;
    }

    /// <summary>
    /// Starts a private server with <c>bench/&lt;script&gt; start &lt;folder&gt; &lt;port&gt;</c> in a new temporary folder on
    /// <paramref name="port"/>, and a watcher (a session of its own) that stops it (<c>stop &lt;folder&gt;</c>) and removes
    /// the folder once this test process is gone: the test runner ends its host with a kill, which no exit handler
    /// outlives. Returns what the script printed (e.g. a connection string) and the folder.
    /// </summary>
    public static (string Started, string Folder) StartPrivateServer(string script, int port)
    {
        var folder = Directory.CreateTempSubdirectory($"portal-{Path.GetFileNameWithoutExtension(script)}-").FullName;
        var started = Run(script, ["start", folder, port.ToString(System.Globalization.CultureInfo.InvariantCulture)]).Trim();
        var watcher = new ProcessStartInfo("setsid") { UseShellExecute = false };
        foreach (var argument in new[] { "bash", "-c", """
            exec </dev/null >/dev/null 2>&1
            while kill -0 "$1" 2>/dev/null; do sleep 1; done
            bash "$2" stop "$3"; rm -rf "$3"
            """, "watcher", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Path.Combine(RepositoryRoot(), "bench", script), folder })
            watcher.ArgumentList.Add(argument);
        Process.Start(watcher)?.Dispose();
        return (started, folder);
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Portal.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("The repository root (Portal.sln) was not found above " + AppContext.BaseDirectory);
    }
}
