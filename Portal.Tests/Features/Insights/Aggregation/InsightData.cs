using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Learning;

namespace Portal.Tests.Features.Insights.Aggregation;

/// <summary>Logged decisions written straight into a test app's database, with the contexts and explanations a test needs.</summary>
internal static class InsightData
{
    public static Decision Decision(string loopId, DateTimeOffset at, string ageBand, string chosen, double? reward,
        FeatureContribution[]? explanation = null, bool explored = false, LearningMode mode = LearningMode.Online,
        OversightEffects oversight = OversightEffects.None, bool deferred = false, double visits = 3, string device = "mobile")
    {
        var request = new JsonObject
        {
            ["contextFeatures"] = new JsonArray(new JsonObject
            {
                ["user"] = new JsonObject { ["ageBand"] = ageBand, ["visits"] = visits, ["device"] = device },
            }),
            ["actions"] = new JsonArray(new JsonObject { ["id"] = "A" }, new JsonObject { ["id"] = "B" }),
        };
        var terms = new JsonArray((explanation ?? []).Select(t => (JsonNode)new JsonObject { ["feature"] = t.Feature, ["contribution"] = t.Contribution }).ToArray());
        return new Decision
        {
            LoopId = loopId, EventId = Guid.NewGuid().ToString("N"), CreatedAt = at, RequestJson = request.ToJsonString(),
            ChosenActionId = chosen, ChosenProbability = 0.5, BaselineActionId = "A", Explored = explored, ModelVersion = 1, Mode = mode,
            RankingJson = "[]", ExplanationJson = terms.ToJsonString(), Oversight = oversight, DeferActivation = deferred,
            Reward = reward, RewardCount = reward is null ? 0 : 1,
        };
    }

    public static async Task SeedAsync(IServiceProvider services, params Decision[] decisions)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        db.Decisions.AddRange(decisions);
        await db.SaveChangesAsync();
    }

    public static async Task<List<SegmentStat>> SegmentRowsAsync(IServiceProvider services, string loopId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.SegmentStats.AsNoTracking().Where(s => s.LoopId == loopId).ToListAsync();
    }

    public static async Task<List<ImportanceStat>> ImportanceRowsAsync(IServiceProvider services, string loopId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.ImportanceStats.AsNoTracking().Where(s => s.LoopId == loopId).ToListAsync();
    }

    public static async Task<List<FeatureValueStat>> ValueRowsAsync(IServiceProvider services, string loopId)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.FeatureValueStats.AsNoTracking().Where(s => s.LoopId == loopId).ToListAsync();
    }

    /// <summary>A whole hour a few hours ago, so decisions in it are settled and inside any retention.</summary>
    public static DateTimeOffset HoursAgo(int hours)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(-hours);
    }
}
