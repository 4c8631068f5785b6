using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;

namespace Portal.Tests.TestInfrastructure;

/// <summary>Loops a test prepares for itself, beyond the empty one <see cref="PortalAppFactory.CreateLoopAsync"/> gives.</summary>
public static class TestLoops
{
    /// <summary>
    /// A loop of its own that has ranked <see cref="RankPayloads.Valid"/> once (a user aged 25-34, actions
    /// <c>action-0</c>…), with those actions already in its catalog, so they can be frozen, forced or named.
    /// </summary>
    public static async Task<(string LoopId, HttpClient Api)> LoopWithActionsAsync(this PortalAppFactory factory, int actions = 3,
        LoopSettings? settings = null)
    {
        var (loopId, api) = await factory.CreateLoopAsync(settings);
        var rank = await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(actions)));
        Assert.Equal(System.Net.HttpStatusCode.Created, rank.StatusCode);
        await Eventually.TrueAsync(() =>
        {
            using var db = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            return db.LoopActions.Count(a => a.LoopId == loopId) == actions;
        });
        return (loopId, api);
    }
}
