using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Json;

namespace Portal.Infrastructure.Configuration;

public static class RootSettingsFile
{
    /// <summary>
    /// Reads the repository root's appsettings.json (linked into the build output) as the single settings file.
    /// It is inserted before the environment-variable and command-line sources so that those still override it.
    /// </summary>
    public static IHostApplicationBuilder AddRootSettingsFile(this IHostApplicationBuilder builder)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "appsettings.json");
        var source = new JsonConfigurationSource { Path = path, Optional = false, ReloadOnChange = false };
        source.ResolveFileProvider();

        var sources = builder.Configuration.Sources;
        var firstOverride = sources.ToList().FindIndex(s => s is EnvironmentVariablesConfigurationSource);
        sources.Insert(firstOverride < 0 ? sources.Count : firstOverride, source);
        return builder;
    }
}
