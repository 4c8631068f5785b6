using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Portal.Infrastructure.Persistence;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Persistence;

public sealed class DatabaseHealthCheckTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task After_a_refused_write_readiness_is_503_until_a_writer_commits_again_and_liveness_stays_200()
    {
        var storage = factory.Services.GetRequiredService<StorageHealth>();
        using var client = factory.CreateClient();
        using var api = factory.CreateApiClient();

        storage.Report(new SqliteException("database or disk is full", 13));
        var refusing = await client.GetAsync("/health/ready");
        var body = await refusing.Content.ReadAsStringAsync();
        var live = await client.GetAsync("/health/live");
        var rank = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()));
        var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refusing.StatusCode);
        Assert.Equal("Unhealthy", System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.Created, rank.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Null(storage.Fault);
    }
}
