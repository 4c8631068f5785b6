using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Accountability;
using Portal.Features.Accounts;
using Portal.Features.Audit;
using Portal.Features.Decisions;
using Portal.Features.Feedback;
using Portal.Features.Insights;
using Portal.Features.Privacy;
using Portal.Features.Learning;
using Portal.Features.Training;
using Portal.Features.Loops;
using Portal.Features.Oversight;
using Portal.Features.PublicPages;
using Portal.Features.Segments;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Persistence;

using Portal.Infrastructure.Cluster;
using Portal.Infrastructure.Security;
using Portal.Infrastructure.Security.KeyRing;

namespace Portal.Benchmarks.Insights;

/// <summary>
/// Portal's own services (the feature registrations Program.cs composes) on a fresh data folder, built but not started:
/// no hosted service runs but the decision log writer, whose group commits carry the aggregator's writes, so the
/// benchmark drives the aggregator and the page's queries itself.
/// </summary>
public sealed class InsightsHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private InsightsHost(WebApplication app, string folder)
    {
        this.app = app;
        DataDirectory = folder;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => app.Services;

    /// <param name="more">More features to register, for a benchmark of theirs (the privacy requests add Privacy).</param>
    public static async Task<InsightsHost> CreateAsync(string folder, Action<WebApplicationBuilder>? more = null)
    {
        var builder = RootSettingsFile.CreateWebBuilder([], environmentName: "Production");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Portal:DataDirectory"] = folder,
            ["Portal:DemoLoop:Enabled"] = "false",
            ["Portal:Simulator:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPersistence();
        builder.AddCluster();
        builder.AddAudit();
        // Identity's options shape the model (the schema version): without them the migrations would look pending.
        builder.AddAccounts();
        builder.AddLoops();
        builder.AddAccountability();
        builder.AddSegments();
        builder.AddOversight();
        builder.AddDecisions();
        builder.AddLearning();
        builder.AddTraining();
        builder.AddPublicPages();
        builder.AddFeedback();
        builder.AddInsights();
        builder.AddPrivacy();
        more?.Invoke(builder);
        // The page's components render with MudBlazor (the benchmark renders them to HTML, as the first page load does).
        MudBlazor.Services.ServiceCollectionExtensions.AddMudServices(builder.Services);
        builder.Services.AddScoped<Microsoft.JSInterop.IJSRuntime, NoJavaScriptRuntime>();
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.NavigationManager, PageNavigationManager>();
        var app = builder.Build();

        Directory.CreateDirectory(folder);
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await db.Database.MigrateAsync();
        }
        // As at start-up: the secret keys exist before any write transaction needs one, and this node holds the trainer lease.
        await new SecretKeyPreload(app.Services.GetRequiredService<SecretKeys>(), app.Services.GetServices<SecretKeyName>()).StartAsync(CancellationToken.None);
        var lease = app.Services.GetRequiredService<TrainerLease>();
        await lease.TickAsync(CancellationToken.None);
        await lease.StartAsync(CancellationToken.None);
        await app.Services.GetRequiredService<LoopDirectory>().ReloadAsync(CancellationToken.None);
        await app.Services.GetRequiredService<SegmentCatalog>().ReloadAsync(CancellationToken.None);
        await app.Services.GetRequiredService<Portal.Features.Decisions.Log.DecisionLogWriter>().StartAsync(CancellationToken.None);
        return new InsightsHost(app, folder);
    }

    /// <summary>
    /// Takes the trainer lease back if a long write (a benchmark's bulk insert holds SQLite's lock for seconds) kept it
    /// from being renewed, as the lease's own loop would within a renewal interval.
    /// </summary>
    public async Task HoldTrainerLeaseAsync()
    {
        var lease = Services.GetRequiredService<TrainerLease>();
        while (!lease.IsHeld) await lease.TickAsync(CancellationToken.None);
    }

    public StorageOptions Storage => Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;

    public async ValueTask DisposeAsync()
    {
        await Services.GetRequiredService<Portal.Features.Decisions.Log.DecisionLogWriter>().StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
