using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Evaluation.Runs;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Evaluation.Runs;

/// <summary>Helpers of the run tests: a loop with a logged decision, a run over it, and waiting for a run's status.</summary>
public static class EvaluationRunTestData
{
    public static NewEvaluation Request(string loopId, string? id = null, params NewPolicy[] policies) => new(
        loopId, id, "test evaluation", DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddSeconds(30),
        [CandidateKind.Online, CandidateKind.Baseline], policies, OptimizationDiscovery: false, IntervalMinutes: 60);

    public static async Task<RunKey> StartAsync(this PortalAppFactory app, NewEvaluation request, Actor? actor = null)
    {
        var outcome = await app.Services.GetRequiredService<EvaluationRunService>().CreateAsync(request, actor ?? Actor.System, CancellationToken.None);
        Assert.True(outcome.Run is not null, string.Join(" ", outcome.Problems.Select(p => p.Message)));
        return outcome.Run!.Value;
    }

    public static async Task<EvaluationRun?> RowAsync(this PortalAppFactory app, RunKey key)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.EvaluationRuns.AsNoTracking().SingleOrDefaultAsync(r => r.LoopId == key.LoopId && r.Id == key.Id);
    }

    public static async Task<EvaluationRun> WaitForAsync(this PortalAppFactory app, RunKey key, EvaluationRunStatus status)
    {
        EvaluationRun? row = null;
        await Eventually.TrueAsync(async () => (row = await app.RowAsync(key))?.Status == status);
        return row!;
    }
}
