using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace Portal.Infrastructure.Configuration;

public static class RootSettingsFile
{
    /// <summary>
    /// The framework's host argument that stops its default settings sources from watching for changes. Those sources
    /// watch the whole content root, subfolders included, and the data folder (SQLite's database and WAL) lies under it
    /// by default: every commit of the decision log woke a file watcher (under Rank load a fifth of the server's CPU
    /// per decision, docs/rank-throughput.md). Portal reads its settings once, at start-up.
    /// </summary>
    private const string NoReloadArgument = "--hostBuilder:reloadConfigOnChange=false";

    /// <summary>
    /// The web application builder on <paramref name="args"/> with the repository root's appsettings.json as the single
    /// settings file, read once (environment variables and the command line still override it); in the environment
    /// named by <paramref name="environmentName"/>, when given (else ASPNETCORE_ENVIRONMENT's, as usual).
    /// </summary>
    public static WebApplicationBuilder CreateWebBuilder(string[] args, string? environmentName = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [.. args, NoReloadArgument], EnvironmentName = environmentName });
        builder.AddRootSettingsFile();
        return builder;
    }

    /// <summary>
    /// Reads the repository root's appsettings.json (linked into the build output) as the single settings file.
    /// It is inserted before the environment-variable and command-line sources so that those still override it.
    /// </summary>
    private static void AddRootSettingsFile(this IHostApplicationBuilder builder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var source = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();

        var sources = builder.Configuration.Sources;
        var firstOverride = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        sources.Insert(firstOverride < 0 ? sources.Count : firstOverride, source);
    }
}
