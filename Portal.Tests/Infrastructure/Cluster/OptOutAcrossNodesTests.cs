using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Entities;
using Portal.Features.Privacy;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Infrastructure.Cluster.ClusterTestSteps;

namespace Portal.Tests.Infrastructure.Cluster;

/// <summary>An end user who opts out on one node is no longer personalized on the other.</summary>
[Trait("Category", "Redis")]
[Trait("Category", "Postgres")]
public sealed class OptOutAcrossNodesTests(TwoNodes nodes) : IClassFixture<TwoNodes>
{
    [Fact]
    public async Task An_opt_out_made_on_node_A_is_obeyed_by_node_B_rank_and_an_opt_in_too()
    {
        var (loopId, apiA) = await nodes.A.CreateLoopAsync();
        var apiB = ApiOf(nodes.B, apiA);
        var registry = nodes.A.Services.GetRequiredService<OptOutRegistry>();
        await Eventually.TrueAsync(async () => await PersonalizedAsync(apiB) == true);

        var onB = nodes.B.Services.GetRequiredService<OptOutRegistry>();
        var fullLoads = onB.FullLoads;

        await registry.OptOutAsync(loopId, "reader-7", OptOutSource.Page, Actor.EndUser, CancellationToken.None);
        await Eventually.TrueAsync(async () => await PersonalizedAsync(apiB) == false, seconds: 10);
        // B added the new row alone, without loading the registry whole.
        Assert.Equal(fullLoads, onB.FullLoads);

        await registry.OptInAsync(loopId, "reader-7", OptOutSource.Page, Actor.EndUser, CancellationToken.None);
        await Eventually.TrueAsync(async () => await PersonalizedAsync(apiB) == true, seconds: 10);
        Assert.True(onB.FullLoads > fullLoads);
    }

    [Fact]
    public async Task Opt_outs_made_on_both_nodes_at_once_all_reach_both()
    {
        var (loopId, _) = await nodes.A.CreateLoopAsync();
        var (onA, onB) = (nodes.A.Services.GetRequiredService<OptOutRegistry>(), nodes.B.Services.GetRequiredService<OptOutRegistry>());
        var users = Enumerable.Range(0, 40).Select(i => $"both-{i}").ToList();

        // Half on each node, concurrently: their ids and commits interleave, and each node must see every one of them.
        await Task.WhenAll(users.Select((user, i) =>
            (i % 2 == 0 ? onA : onB).OptOutAsync(loopId, user, OptOutSource.Api, TestActors.Admin(), CancellationToken.None)));

        await Eventually.TrueAsync(() => Task.FromResult(users.All(u => onA.OptedOutAt(loopId, u) is not null && onB.OptedOutAt(loopId, u) is not null)), seconds: 15);
    }

    private static async Task<bool?> PersonalizedAsync(HttpClient api)
    {
        var body = RankPayloads.Valid();
        body["contextFeatures"]!.AsArray().Add(new JsonObject { ["_userId"] = "reader-7" });
        var response = await api.PostAsync(RankPath, RankPayloads.Json(body));
        return response.IsSuccessStatusCode ? (await response.ReadJsonAsync()).GetProperty("personalized").GetBoolean() : null;
    }
}
