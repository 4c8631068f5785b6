using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Oversight;

/// <summary>Loops for oversight tests: their own, with actions already in the catalog.</summary>
public static class OversightTestLoops
{
    public static async Task<(string LoopId, HttpClient Rank)> LoopWithActionsAsync(this PortalAppFactory factory, int actions = 3)
    {
        var (loopId, rank) = await factory.CreateLoopAsync();
        await rank.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(actions)));
        await Eventually.TrueAsync(() =>
        {
            using var db = factory.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
            return db.LoopActions.Count(a => a.LoopId == loopId) == actions;
        });
        return (loopId, rank);
    }
}
