namespace Portal.Benchmarks.Service;

/// <summary>How a benchmark starts Portal: the Release build, a loopback port, a data folder and a known key.</summary>
public sealed record ServerSettings(string DllPath, int Port, string DataDirectory, string ApiKey, bool OwnsDataDirectory, bool Simulator = false)
{
    /// <summary>More settings for this run, as environment variables (<c>Portal__RateLimits__…</c>).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public const string AdminPassword = "Bench-Admin-Passw0rd";

    /// <summary>The administrator's personal API token (Portal:Admin:ApiToken) for the oversight API.</summary>
    public const string AdminToken = "ptk_bench-admin-token-0123456789abcdef";

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string DatabasePath => Path.Combine(DataDirectory, "portal.db");

    /// <summary>Deletes a data folder the benchmark created itself (kept when a check failed, for a look).</summary>
    public void CleanUp()
    {
        if (OwnsDataDirectory) Directory.Delete(DataDirectory, recursive: true);
    }

    public static ServerSettings FromOptions(CommandOptions options, string dataPrefix)
    {
        var root = BenchDataLocator.RepositoryRoot();
        var dll = options.Text("dll", Path.Combine(root, "Portal", "bin", "Release", "net10.0", "Portal.dll"));
        if (!File.Exists(dll)) throw new FileNotFoundException($"Build Portal first: dotnet build -c Release Portal/Portal.csproj ({dll} is missing).");
        var given = options.Text("data", "");
        var data = given.Length > 0 ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory(dataPrefix).FullName;
        return new ServerSettings(dll, options.Int("port", 5392), data, options.Text("key", "bench-subscription-key-0001"), given.Length == 0);
    }
}
