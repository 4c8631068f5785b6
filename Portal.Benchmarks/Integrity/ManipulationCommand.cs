using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Benchmarks.Insights;
using Portal.Benchmarks.Service;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Accountability.GoLive;
using Portal.Features.Insights.Statistics;
using Portal.Features.Integrity;
using Portal.Features.Integrity.Detection;
using Portal.Features.Loops;
using Portal.Features.Simulation;
using Portal.Infrastructure.Security;

namespace Portal.Benchmarks.Integrity;

/// <summary>
/// <c>manipulation</c>: the demo world on a fresh database in simulated time, through the product's Rank, Reward,
/// trainer and detectors: --plain (50,000) plain decisions, counting the findings they raise (false alarms, target 0);
/// then the simulator's default attack (30% of visits, fake rewards for markets-weekly from BR) until it is flagged
/// (target: within 2,000 decisions of its start) or --attack decisions pass; then a reviewer quarantines the finding's
/// window (the model rolls back and re-learns without it), the attacker is cut off, and after --after decisions the
/// plain BR visitors' reward rate over --recovery (20,000) decisions is compared with its 95% interval over --after
/// decisions before the attack. Options: --plain, --attack, --after, --recovery, --seed, --data.
/// </summary>
public static class ManipulationCommand
{
    private const string LoopId = "attack-bench";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new CommandOptions(args);
        var plain = options.Int("plain", 50_000);
        var attackLimit = options.Int("attack", 5_000);
        var after = options.Int("after", 10_000);
        // Longer than the pre-attack sample, so that the recovered rate's own noise adds little to the interval's.
        var recovery = options.Int("recovery", 20_000);
        var seed = options.Int("seed", 7);
        var given = options.Text("data", "");
        var folder = given.Length > 0 ? Path.GetFullPath(given) : Directory.CreateTempSubdirectory("portal-manipulation-").FullName;
        var clock = new ManualClock(DateTimeOffset.UtcNow.AddDays(-7));
        try
        {
            await using var host = await InsightsHost.CreateAsync(folder, builder =>
            {
                builder.AddIntegrity();
                builder.Services.AddSingleton<TimeProvider>(clock);
            });
            var services = host.Services;
            var settings = LoopSettings.Default with { RewardWaitTime = new DemoLoopOptions().RewardWaitTime };
            var created = await services.GetRequiredService<LoopProvisioning>().CreateAsync(LoopId, "Manipulation benchmark", settings, null, Actor.System, CancellationToken.None);
            if (created.Error is not null) throw new InvalidOperationException(created.Error);
            // A new loop serves only the baseline until its go-live review is recorded; the benchmark measures the model.
            var reviewed = await services.GetRequiredService<GoLiveReviews>().RecordAsync(LoopId, new GoLiveChecklist
            {
                LegalReviewDone = true, LegalReference = "benchmark", SensitiveFeaturesChecked = true, OptOutWired = true,
                Note = "The manipulation benchmark's simulated loop.",
            }, Actor.System, CancellationToken.None);
            if (!reviewed.Succeeded) throw new InvalidOperationException(reviewed.Message);

            var attack = new SimulatedAttackOptions { Enabled = true };
            var run = new AttackRun(services, clock, LoopId, new SimulatedAudience(attack, new Random(seed)));
            var detection = new DetectionOptions();
            Console.WriteLine($"manipulation: demo world, 5 visits per simulated second, reward wait {settings.RewardWaitTime.TotalSeconds:0} s; detection windows of {detection.WindowDecisions:N0} decisions, baseline {detection.BaselineWindows}, threshold z {detection.Threshold}");
            var elapsed = Stopwatch.StartNew();

            var falseAlarms = await run.RunAsync(plain, attack: false, CancellationToken.None);
            Console.WriteLine($"  plain traffic: {plain:N0} decisions, false alarms: {falseAlarms.Count}{await DescribeAsync(services, falseAlarms)}");
            var before = run.Country.TakeAndReset();
            var plainFindings = falseAlarms.Select(f => f.FindingId).ToHashSet();

            // The pre-attack interval: plain BR visitors over the last `after` decisions before the attack.
            run.Country.TakeAndReset();
            await run.RunAsync(after, attack: false, CancellationToken.None);
            var baseline = run.Country.TakeAndReset();
            var interval = MeanEstimate.Wilson(baseline.Rewarded, baseline.Visits);
            falseAlarms.AddRange((await OpenFindingsAsync(services)).Where(id => !plainFindings.Contains(id)).Select(id => (id, run.Decisions)));

            var attackStart = run.Decisions;
            var flagged = new List<(long FindingId, long AtDecision)>();
            while (flagged.Count == 0 && run.Decisions - attackStart < attackLimit)
                flagged.AddRange(await run.RunAsync(500, attack: true, CancellationToken.None));
            var during = run.Country.TakeAndReset();
            if (flagged.Count == 0)
            {
                Console.WriteLine($"  attack: NOT flagged within {attackLimit:N0} decisions");
                return 1;
            }
            var first = flagged.Min(f => f.AtDecision) - attackStart;
            Console.WriteLine($"  attack flagged {first:N0} decisions after its start (target ≤ 2,000){await DescribeAsync(services, flagged)}");
            Console.WriteLine($"  plain BR visitors' reward rate: before the attack {Rate(baseline)} (95% interval {interval.Low:0.000}–{interval.High:0.000}), during it {Rate(during)}");

            var review = services.GetRequiredService<FindingReview>();
            var outcome = await review.QuarantineAsync(LoopId, flagged[0].FindingId, "benchmark: the staged attack", Actor.System, CancellationToken.None);
            if (outcome.Error is not null) throw new InvalidOperationException(outcome.Error);
            var quarantine = (await services.GetRequiredService<QuarantineService>().ListAsync(LoopId, CancellationToken.None))[0];
            Console.WriteLine($"  quarantined {quarantine.Decisions:N0} decisions; learning went back to {quarantine.RolledBackTo ?? "nothing (not yet learned)"}");

            await run.RunAsync(after / 2, attack: false, CancellationToken.None); // the model re-learns the log, then settles
            run.Country.TakeAndReset();
            await run.RunAsync(recovery, attack: false, CancellationToken.None);
            var recovered = run.Country.TakeAndReset();
            var within = recovered.Rewarded / (double)recovered.Visits is var r && r >= interval.Low && r <= interval.High;
            Console.WriteLine($"  after quarantine and rollback: plain BR visitors' reward rate {Rate(recovered)}: {(within ? "within" : "OUTSIDE")} the pre-attack 95% interval");
            Console.WriteLine($"  {run.Decisions:N0} decisions in {elapsed.Elapsed.TotalSeconds:F0} s of wall time ({TimeSpan.FromSeconds(run.Decisions / 5.0):g} simulated)");
            return falseAlarms.Count == 0 && first <= 2000 && within ? 0 : 1;
        }
        finally
        {
            if (given.Length == 0) Directory.Delete(folder, recursive: true);
        }
    }

    private static string Rate((int Visits, int Rewarded) tally) =>
        $"{(double)tally.Rewarded / tally.Visits:0.000} ({tally.Rewarded:N0} of {tally.Visits:N0})";

    private static async Task<List<long>> OpenFindingsAsync(IServiceProvider services)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        return await db.ManipulationFindings.Where(f => f.LoopId == LoopId).Select(f => f.Id).ToListAsync();
    }

    private static async Task<string> DescribeAsync(IServiceProvider services, IReadOnlyList<(long FindingId, long AtDecision)> findings)
    {
        if (findings.Count == 0) return "";
        await using var db = await services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var ids = findings.Select(f => f.FindingId).ToList();
        var rows = await db.ManipulationFindings.AsNoTracking().Where(f => ids.Contains(f.Id)).ToListAsync();
        return string.Concat(rows.Select(f => $"\n    #{f.Id} {f.Kind}: {f.Subject}, {f.Observed:0.000} against {f.BaselineMean:0.000} ± {f.BaselineSpread:0.000}, z {f.ZScore:0.0}, n {f.Sample}"));
    }
}
