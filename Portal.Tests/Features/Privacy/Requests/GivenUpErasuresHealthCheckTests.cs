using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Privacy.Requests;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Privacy.Requests;

/// <summary>A given-up erasure is seen by monitoring on /health/ready (Degraded, still 200), not only in the portal.</summary>
public sealed class GivenUpErasuresHealthCheckTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Readiness_is_degraded_while_an_erasure_is_given_up_and_healthy_again_once_it_runs_again()
    {
        using var client = factory.CreateClient();
        var before = await ReadyAsync(client);
        Assert.Equal(("Healthy", 0L), Erasures(before));

        var givenUp = await GiveUpAsync();
        using var degraded = await client.GetAsync("/health/ready");
        var during = JsonDocument.Parse(await degraded.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, degraded.StatusCode);
        Assert.Equal("Degraded", during.GetProperty("status").GetString());
        Assert.Equal(("Degraded", 1L), Erasures(during));

        Assert.True(await factory.Services.GetRequiredService<PendingErasures>().TryRunAgainAsync(givenUp.Id, DateTimeOffset.UtcNow, CancellationToken.None));
        Assert.Equal(("Healthy", 0L), Erasures(await ReadyAsync(client)));
    }

    private async Task<PendingErasure> GiveUpAsync()
    {
        var row = new PendingErasure
        {
            UserId = "health-" + Guid.NewGuid().ToString("N")[..8], RequestedById = "someone-id", RequestedByName = "someone@test.local",
            RequestedAt = DateTimeOffset.UtcNow.AddHours(-1), ClaimedUntil = DateTimeOffset.UtcNow.AddMinutes(-10),
            FailedRuns = BackgroundErasures.MaxRuns, GivenUpAt = DateTimeOffset.UtcNow.AddMinutes(-10), LastError = "disk full",
        };
        await using var db = await factory.DbAsync();
        db.PendingErasures.Add(row);
        await db.SaveChangesAsync();
        return row;
    }

    private static async Task<JsonElement> ReadyAsync(HttpClient client) =>
        JsonDocument.Parse(await client.GetStringAsync("/health/ready")).RootElement;

    private static (string?, long) Erasures(JsonElement ready)
    {
        var entry = ready.GetProperty("checks").GetProperty(GivenUpErasuresHealthCheck.Name);
        return (entry.GetProperty("status").GetString(), entry.GetProperty("givenUp").GetInt64());
    }
}
