using System.Text.Json;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Decisions.Log;

/// <summary>/health/ready counts what the decision log writer committed, so an operator can read its commit rate and cost.</summary>
public sealed class DecisionLogHealthCheckTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    [Fact]
    public async Task Readiness_counts_the_decisions_committed_since_start_and_the_time_their_commits_took()
    {
        using var client = factory.CreateClient();
        using var api = factory.CreateApiClient();
        var before = await WriterAsync(client);

        for (var i = 0; i < 3; i++)
            (await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid()))).EnsureSuccessStatusCode();
        var after = await WriterAsync(client);

        Assert.Equal("Healthy", after.GetProperty("status").GetString());
        Assert.True(Count(after, "committedWrites") - Count(before, "committedWrites") >= 3, "three Rank decisions were committed");
        Assert.True(Count(after, "committedBatches") > Count(before, "committedBatches"));
        Assert.True(Count(after, "committingMs") >= Count(before, "committingMs"));
    }

    private static async Task<JsonElement> WriterAsync(HttpClient client)
    {
        using var ready = JsonDocument.Parse(await client.GetStringAsync("/health/ready"));
        return ready.RootElement.GetProperty("checks").GetProperty("decision-log").Clone();
    }

    private static long Count(JsonElement writer, string name) => writer.GetProperty(name).GetInt64();
}
