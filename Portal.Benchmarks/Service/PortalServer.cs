using System.Diagnostics;

namespace Portal.Benchmarks.Service;

/// <summary>
/// One Portal process on loopback (<c>dotnet Portal.dll</c>), its output appended to <c>server.log</c> in the data
/// folder. <see cref="Kill"/> is SIGKILL on Linux: no drain, no graceful shutdown.
/// </summary>
public sealed class PortalServer : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly StreamWriter log;
    private bool logClosed;
    private bool disposed;

    private PortalServer(ServerSettings settings)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        log = new StreamWriter(Path.Combine(settings.DataDirectory, "server.log"), append: true) { AutoFlush = true };
        process = new Process { StartInfo = StartInfo(settings) };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public static async Task<PortalServer> StartAsync(ServerSettings settings, CancellationToken ct)
    {
        var server = new PortalServer(settings);
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        try
        {
            await server.WaitReadyAsync(settings.BaseAddress, ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public int Id => process.Id;

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill();
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed) return;
        disposed = true;
        await KillAsync();
        process.Dispose();
        lock (log)
        {
            logClosed = true;
            log.Dispose();
        }
    }

    private async Task WaitReadyAsync(Uri baseAddress, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyTimeout)
        {
            if (process.HasExited) throw new InvalidOperationException($"Portal exited with code {process.ExitCode} before it was ready; see server.log.");
            try
            {
                using var response = await http.GetAsync("health/ready", ct);
                if (response.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"Portal was not ready within {ReadyTimeout.TotalSeconds:F0} s; see server.log.");
    }

    private static ProcessStartInfo StartInfo(ServerSettings settings)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = settings.DataDirectory,
        };
        foreach (var argument in new[] { settings.DllPath, "--urls", settings.BaseAddress.ToString().TrimEnd('/') }) info.ArgumentList.Add(argument);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Portal__DataDirectory"] = settings.DataDirectory;
        info.Environment["Portal__DemoLoop__ApiKey"] = settings.ApiKey;
        info.Environment["Portal__Simulator__Enabled"] = settings.Simulator ? "true" : "false";
        info.Environment["Portal__Admin__Password"] = ServerSettings.AdminPassword;
        info.Environment["Portal__Admin__ApiToken"] = ServerSettings.AdminToken;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (name, value) in settings.Environment) info.Environment[name] = value;
        return info;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (log)
        {
            if (!logClosed) log.WriteLine(line);
        }
    }
}
