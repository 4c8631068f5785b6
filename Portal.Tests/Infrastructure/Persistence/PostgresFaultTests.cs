using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Persistence;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Persistence;

/// <summary>
/// PostgreSQL taken away from a running Portal for real (its cluster stopped with pg_ctl, then started again): Rank
/// answers 503 in Personalizer's shape and stores nothing, the process stays up, and Rank is stored again once the
/// server is back. A cluster of its own, so no other test loses its database.
/// </summary>
[Trait("Category", "Postgres")]
public sealed class PostgresFaultTests(PostgresFaultTests.OwnClusterFactory factory) : IClassFixture<PostgresFaultTests.OwnClusterFactory>
{
    private const string RankPath = "/personalizer/v1.0/rank";

    [Fact]
    public async Task Rank_while_the_database_is_down_answers_503_and_the_first_rank_after_it_returns_is_stored()
    {
        var api = factory.CreateApiClient();
        var before = "before-" + Guid.NewGuid().ToString("N");
        Assert.Equal(HttpStatusCode.Created, (await api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: before)))).StatusCode);

        factory.Cluster.Control("stop");
        List<HttpResponseMessage> refused;
        HttpResponseMessage live, ready;
        try
        {
            refused = [.. await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
                api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: $"down-{i}-{Guid.NewGuid():N}")))))];
            live = await factory.CreateClient().GetAsync("/health/live");
            ready = await factory.CreateClient().GetAsync("/health/ready");
        }
        finally
        {
            factory.Cluster.Control("start");
        }
        var after = "after-" + Guid.NewGuid().ToString("N");
        var recovered = HttpStatusCode.ServiceUnavailable;
        await Eventually.TrueAsync(async () =>
        {
            recovered = (await api.PostAsync(RankPath, RankPayloads.Json(RankPayloads.Valid(eventId: after)))).StatusCode;
            return recovered != HttpStatusCode.ServiceUnavailable;
        }, seconds: 30);

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.ServiceUnavailable, r.StatusCode));
        var (code, message) = await refused[0].ReadErrorAsync();
        Assert.Equal("ServiceUnavailable", code);
        Assert.Equal("The database cannot be reached: the decision was not recorded. Retry later.", message);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.Created, recovered);
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var stored = await db.Decisions.AsNoTracking().Select(d => d.EventId).ToListAsync();
        Assert.Contains(before, stored);
        Assert.Contains(after, stored);
        Assert.DoesNotContain(stored, e => e.StartsWith("down-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_start_without_a_reachable_database_stops_with_one_line_naming_the_setting()
    {
        var database = Options.Create(new DatabaseOptions
        {
            Provider = DatabaseProvider.Postgres,
            // Port 1 on loopback: nothing listens there, the connection is refused at once.
            ConnectionString = "Host=127.0.0.1;Port=1;Database=portal;Username=portal;Timeout=3",
        });
        // Identity's options as the app has them: EF Core caches the model this context builds for every later one.
        using var engine = new PostgresEngine(database, NullLoggerFactory.Instance, Portal.Data.DesignTimeServices.Identity);
        var migrator = new DatabaseMigrator(Options.Create(new StorageOptions { DataDirectory = Path.Combine(Path.GetTempPath(), "portal-unreachable") }),
            engine, new PortalDbContextFactory(engine), NullLogger<DatabaseMigrator>.Instance);

        var error = await Assert.ThrowsAsync<DatabaseUnreachableException>(() => migrator.StartAsync(CancellationToken.None));

        Assert.StartsWith("Portal:Database:ConnectionString: the database cannot be reached (PostgreSQL at 127.0.0.1:1/portal)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    public sealed class OwnClusterFactory() : PostgresPortalAppFactory(new PostgresCluster());
}
