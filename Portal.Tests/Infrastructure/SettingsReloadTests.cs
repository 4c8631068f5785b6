using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure;

/// <summary>
/// Settings are read once at start-up: a source that reloads on change watches the whole content root, where the data
/// folder lies by default, and every commit of the decision log would wake that watcher.
/// </summary>
public sealed class SettingsReloadTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public void No_settings_file_is_watched_for_changes_and_the_root_settings_file_is_read()
    {
        var configuration = (IConfigurationRoot)factory.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, file => file.Source.Path == "appsettings.json" && !file.Source.Optional);
        Assert.Empty(files.Where(file => file.Source.ReloadOnChange).Select(file => file.Source.Path));
        // A value only the root settings file holds (tests override the data folder, the admin and the demo key).
        Assert.False(string.IsNullOrEmpty(configuration["Portal:DecisionLog:MaxBatchSize"]));
    }
}
