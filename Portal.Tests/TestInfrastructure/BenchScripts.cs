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
