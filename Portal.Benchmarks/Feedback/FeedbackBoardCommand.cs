using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Portal.Benchmarks.Service;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Feedback;
using Portal.Features.Feedback.Board;
using Portal.Infrastructure.Persistence;
using Portal.Infrastructure.Security;

namespace Portal.Benchmarks.Feedback;

/// <summary>
/// <c>feedback-board</c>: a fresh database with --tickets (100,000) generated tickets, then the server time of the triage
/// board's first page and of each filter change, measured around <see cref="TicketQueries.PageAsync"/> (the one query
/// the board and the export use: count + one page of 25 rows, a new DbContext each time, as the page does). Median,
/// p90 and max over --repeats (15) after 3 warm-up calls. Also the navigation counters, the bias page's segment count
/// and a full CSV export. Options: --tickets 100000 --repeats 15 --data DIR.
/// </summary>
public static class FeedbackBoardCommand
{
    private const int PageSize = 25;

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var count = options.Int("tickets", 100_000);
        var repeats = options.Int("repeats", 15);
        var given = options.Text("data", "");
        var folder = given.Length > 0 ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory("portal-feedback-board-").FullName;
        var storage = new StorageOptions { DataDirectory = folder };
        await using var services = Services(storage);
        var now = DateTimeOffset.UtcNow;

        var generation = Stopwatch.StartNew();
        var assignees = await PrepareAsync(services, storage);
        await TicketGenerator.GenerateAsync(storage, count, assignees, now);
        Console.WriteLine($"feedback-board: {count:N0} tickets generated in {generation.Elapsed.TotalSeconds:F1} s into {storage.DatabasePath} " +
                          $"({new FileInfo(storage.DatabasePath).Length / 1024.0 / 1024.0:F0} MB); page size {PageSize}, {repeats} timed calls each after 3 warm-ups");

        var queries = services.GetRequiredService<TicketQueries>();
        var table = new List<(string Name, int Total, Timing Time)>();
        foreach (var scenario in BoardScenarios.All(assignees[0]))
        {
            var total = 0;
            var time = await Timing.MeasureAsync(repeats, async () => total = (await queries.PageAsync(scenario.Filter, scenario.Sort, scenario.Skip(total), PageSize, CancellationToken.None)).Total);
            table.Add((scenario.Name, total, time));
        }
        var counters = await Timing.MeasureAsync(repeats, () => queries.CountsAsync(CancellationToken.None));
        var segments = await Timing.MeasureAsync(5, () => services.GetRequiredService<FeedbackSegmentCounts>().UnfairBySegmentAsync("checkout", "user.ageBand", CancellationToken.None));
        var export = await Timing.MeasureAsync(3, () => services.GetRequiredService<FeedbackCsvExport>().WriteAsync(Actor.System, new TicketFilter(), TicketSort.Newest, new { benchmark = true }, TextWriter.Null, CancellationToken.None), warmups: 1);

        Console.WriteLine();
        Console.WriteLine("| board view (server time of one load: count + 25 rows) | matching | median ms | p90 ms | max ms |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var (name, total, time) in table) Console.WriteLine($"| {name} | {total:N0} | {time.Median:F1} | {time.P90:F1} | {time.Max:F1} |");
        Console.WriteLine($"| navigation counters (new, overdue) | – | {counters.Median:F1} | {counters.P90:F1} | {counters.Max:F1} |");
        Console.WriteLine($"| bias page: unfair tickets of a loop by user.ageBand | – | {segments.Median:F1} | {segments.P90:F1} | {segments.Max:F1} |");
        Console.WriteLine($"| CSV export of all {count:N0} tickets | {count:N0} | {export.Median:F0} | {export.P90:F0} | {export.Max:F0} |");
        var worst = table.Max(t => t.Time.Median);
        Console.WriteLine();
        Console.WriteLine($"slowest board view median {worst:F1} ms: {(worst <= 300 ? "PASS" : "FAIL")} (target ≤ 300 ms)");
        if (given.Length == 0) { SqliteConnectionPools.Clear(); Directory.Delete(folder, recursive: true); }
        return worst <= 300 ? 0 : 1;
    }

    private static ServiceProvider Services(StorageOptions storage)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(storage));
        // The same Identity schema as the app, or the model would differ from its migrations.
        services.Configure<IdentityOptions>(identity => identity.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        services.AddDbContextFactory<PortalDbContext>(o => o.UseSqlite(SqliteConnections.ConnectionString(storage)).AddInterceptors(new SqlitePragmaInterceptor()));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<TicketQueries>();
        services.AddSingleton<FeedbackSegmentCounts>();
        services.AddSingleton<FeedbackCsvExport>();
        return services.BuildServiceProvider();
    }

    /// <summary>Migrates the empty database (WAL, as at start-up) and adds five reviewers to assign tickets to.</summary>
    internal static async Task<IReadOnlyList<string>> PrepareAsync(IServiceProvider services, StorageOptions storage)
    {
        Directory.CreateDirectory(storage.FullDataDirectory);
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.MigrateAsync();
        // As at start-up: the secret keys exist before any write transaction needs one.
        await new Portal.Infrastructure.Security.KeyRing.SecretKeyPreload(services.GetRequiredService<Portal.Infrastructure.Security.SecretKeys>(),
            services.GetServices<Portal.Infrastructure.Security.SecretKeyName>()).StartAsync(CancellationToken.None);
        var reviewers = Enumerable.Range(1, 5).Select(i => new ApplicationUser
        {
            UserName = $"reviewer{i}@bench.local", NormalizedUserName = $"REVIEWER{i}@BENCH.LOCAL",
            Email = $"reviewer{i}@bench.local", NormalizedEmail = $"REVIEWER{i}@BENCH.LOCAL", EmailConfirmed = true,
            SecurityStamp = Guid.NewGuid().ToString(),
        }).ToList();
        db.Users.AddRange(reviewers);
        await db.SaveChangesAsync();
        await TicketSearchIndex.EnsureAsync(services.GetRequiredService<IDbContextFactory<PortalDbContext>>(), CancellationToken.None);
        return reviewers.Select(r => r.Id).ToList();
    }
}
