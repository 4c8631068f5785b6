using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Oversight;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Infrastructure.Cluster.ClusterTestSteps;

namespace Portal.Tests.Infrastructure.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database and one Redis. Node B checks the database only once a minute, so what reaches
/// it within the test came through Redis; node A checks every second, so a change nobody announced still reaches it.
/// </summary>
[Trait("Category", "Redis")]
[Trait("Category", "Postgres")]
public sealed class SharedStateSyncTests(SharedStateSyncTests.Nodes nodes) : IClassFixture<SharedStateSyncTests.Nodes>
{
    public sealed class Nodes() : TwoNodes(new Dictionary<string, string?>(), new Dictionary<string, string?>
    {
        ["Portal:Redis:StateCheckInterval"] = "00:01:00",
    });

    [Fact]
    public async Task A_freeze_made_on_node_A_is_obeyed_by_node_B_rank()
    {
        var (loopId, apiA) = await nodes.A.LoopWithActionsAsync();
        var apiB = ApiOf(nodes.B, apiA);
        await Eventually.TrueAsync(async () => await ProbabilityOfAsync(apiB, "action-0") > 0);

        var frozen = await nodes.A.Services.GetRequiredService<FreezeService>()
            .FreezeAsync(loopId, "action-0", "Recalled by the supplier", null, TestActors.Admin(), CancellationToken.None);

        Assert.True(frozen.Succeeded, frozen.Message);
        await Eventually.TrueAsync(async () => await ProbabilityOfAsync(apiB, "action-0") == 0, seconds: 10);
        Assert.True(nodes.B.Services.GetRequiredService<ControlState>().Current.For(loopId)!.Frozen.ContainsKey("action-0"));
    }

    [Fact]
    public async Task A_change_whose_message_never_came_reaches_a_node_at_its_database_check()
    {
        var (loopId, apiA) = await nodes.A.LoopWithActionsAsync();
        Assert.True(await ProbabilityOfAsync(apiA, "action-1") > 0);

        // As a node that committed a freeze and died before announcing it: the row and the version, no message.
        await using (var db = await nodes.B.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.ActionFreezes.Add(new ActionFreeze
            {
                LoopId = loopId, ActionId = "action-1", Reason = "Frozen by a node that died", FrozenByName = "admin@test.local",
                FrozenAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
            await db.SharedStateVersions.Where(v => v.Id == SharedStateVersion.ServingId).ExecuteUpdateAsync(set => set.SetProperty(v => v.Version, v => v.Version + 1));
            await transaction.CommitAsync();
        }

        await Eventually.TrueAsync(async () => await ProbabilityOfAsync(apiA, "action-1") == 0, seconds: 10);
    }
}
