using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Evaluation;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Evaluation;

/// <summary>
/// A loop fed with 1,200 seeded demo visits (clicks as the demo world draws them), learned from: a real log to evaluate.
/// The model learned fast, so the final online policy disagrees with much of what was logged: the log is worth 15 to 50
/// decisions to it (the trainer runs beside the traffic, so how much the logging policy explored varies from run to
/// run), and the previews' minimum effective sample size is lowered to 5 to see figures from so small a log.
/// </summary>
public sealed class DemoLogFixture : IAsyncLifetime
{
    public const int Visits = 1_200;
    public const double MinEffectiveSampleSize = 5;

    public PortalAppFactory App { get; } = new EvaluationAppFactory();
    public string LoopId { get; private set; } = "";
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }

    public IPolicyEvaluator Evaluator => App.Services.GetRequiredService<IPolicyEvaluator>();

    public async Task InitializeAsync()
    {
        (LoopId, _) = await App.CreateLoopAsync(LoopSettings.Default with { RewardWaitTime = TimeSpan.FromSeconds(1) });
        Start = DateTimeOffset.UtcNow.AddMinutes(-1);
        await SeededDemoTraffic.RunAsync(App.Services, LoopId, Visits, seed: 12);
        End = DateTimeOffset.UtcNow.AddSeconds(1);
        var last = await Decisions().MaxAsync(d => d.Seq);
        await App.TrainedPastAsync(LoopId, last);
    }

    /// <summary>The loop's decisions, for the expected values.</summary>
    public IQueryable<Decision> Decisions()
    {
        var db = App.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContext();
        return db.Decisions.AsNoTracking().Where(d => d.LoopId == LoopId);
    }

    public EvaluationRequest Request(params PolicyCandidate[] candidates) => new(LoopId, Start, End, candidates);

    private sealed class EvaluationAppFactory : PortalAppFactory
    {
        protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Portal:Evaluation:MinEffectiveSampleSize"] = MinEffectiveSampleSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public Task DisposeAsync()
    {
        App.Dispose();
        return Task.CompletedTask;
    }
}
