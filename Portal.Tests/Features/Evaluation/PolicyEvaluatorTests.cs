using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Contracts.DecisionLog;
using Portal.Features.Evaluation;
using Portal.Features.Evaluation.Logs;
using Portal.Features.Evaluation.Policies;
using Portal.Features.Learning;
using Portal.Features.Loops;
using Portal.Infrastructure.Errors;

namespace Portal.Tests.Features.Evaluation;

/// <summary>The evaluator over a real log in a real test database: what it estimates, what it refuses, and that it stops when asked.</summary>
public sealed class PolicyEvaluatorTests(DemoLogFixture log) : IClassFixture<DemoLogFixture>
{
    [Fact]
    public async Task Evaluating_the_logging_policy_gives_the_observed_mean_reward()
    {
        var report = await log.Evaluator.EvaluateAsync(log.Request(new PolicyCandidate.Logging()), null, CancellationToken.None);

        var rewards = await log.Decisions().Select(d => d.Reward ?? 0).ToListAsync();
        Assert.Equal(DemoLogFixture.Visits, report.Decisions);
        var estimates = report.Policies.Single().Estimates;
        Assert.Equal(rewards.Average(), estimates.Ips.Value, 9);
        Assert.Equal(rewards.Average(), estimates.Snips.Value, 9);
        Assert.Equal(DemoLogFixture.Visits, estimates.Snips.EffectiveSampleSize, 6);
        Assert.True(estimates.Snips.Gaussian.Contains(rewards.Average()));
    }

    [Fact]
    public async Task Baseline_online_uniform_and_a_retrained_policy_are_estimated_in_one_pass_with_a_time_series()
    {
        var request = log.Request(new PolicyCandidate.Online(), new PolicyCandidate.Baseline(), new PolicyCandidate.Uniform(),
            new PolicyCandidate.Settings("greedy", "--cb_explore_adf --epsilon 0 --cb_type mtr -q ::")) with { BucketWidth = TimeSpan.FromSeconds(20) };
        var fractions = new List<double>();

        var report = await log.Evaluator.EvaluateAsync(request, new Synchronous(p => fractions.Add(p.Fraction)), CancellationToken.None);

        Assert.Equal(4, report.Policies.Count);
        Assert.All(report.Policies, p =>
        {
            Assert.Equal(DemoLogFixture.Visits, p.Estimates.Ips.Count);
            Assert.InRange(p.Estimates.Snips.Value, 0, 1);
            Assert.NotNull(p.Estimates.Dr);
            Assert.InRange(p.Estimates.Dr!.Value, -1, 2);
            Assert.NotEmpty(p.Timeline);
            Assert.Equal(DemoLogFixture.Visits, p.Timeline.Sum(t => t.Estimate.Count));
        });
        Assert.Equal(1.0, report.Policies[1].BaselineAgreement);
        Assert.InRange(report.Policies[0].BaselineAgreement, 0, 1);
        Assert.Equal(1.0, fractions[^1]);
    }

    [Fact]
    public async Task The_online_candidate_serves_what_rank_would_serve_for_the_same_model_and_request()
    {
        var loop = log.App.Services.GetRequiredService<LoopDirectory>().Find(log.LoopId)!;
        var reader = log.App.Services.GetRequiredService<EvaluationLogReader>();
        var features = new LoggedFeatures(loop.AuditOnlyFeatures);
        var online = new CandidatePolicies(loop, features).Build(new PolicyCandidate.Online());
        var compared = 0;

        await foreach (var decision in reader.ReadAsync(log.LoopId, 0, log.Start, log.End, CancellationToken.None))
        {
            if (compared++ == 50) break;
            var evaluated = new double[decision.ActionCount];
            online.Distribution(decision, evaluated);

            var request = LoggedRequest.Read(Encoding.UTF8.GetString(decision.Source!.Logged.RequestUtf8))!;
            var (context, actions) = RequestFeatures.Of(request, loop.AuditOnlyFeatures);
            var ranked = new double[actions.Length];
            loop.Model.Current.Rank(context, actions, new bool[actions.Length], 0, ranked, loop.Settings.ExplorationPercentage);
            Assert.Equal(ranked, evaluated);
        }
        Assert.Equal(51, compared);
    }

    [Fact]
    public async Task A_freeze_takes_the_action_out_and_moves_its_mass_to_the_others()
    {
        var frozen = new PolicyCandidate.WithFreeze(new PolicyCandidate.Online(), ["cup-final-highlights"]);
        var report = await log.Evaluator.EvaluateAsync(log.Request(new PolicyCandidate.Online(), frozen) with { Reference = 0 }, null, CancellationToken.None);

        var difference = report.Policies[1].Difference!;
        Assert.Equal(0, report.Policies[0].Difference!.Ips.Value);
        Assert.Equal(report.Policies[1].Estimates.Ips.Value - report.Policies[0].Estimates.Ips.Value, difference.Ips.Value, 9);
        Assert.True(difference.Dr!.Gaussian.IsKnown);
    }

    [Fact]
    public async Task An_unknown_loop_is_not_found() =>
        await AssertRefusedAsync(log.Request(new PolicyCandidate.Logging()) with { LoopId = "no-such-loop" }, ApiErrorCodes.ResourceNotFound, "loopId");

    [Fact]
    public async Task A_reversed_window_names_the_end_time() =>
        await AssertRefusedAsync(log.Request(new PolicyCandidate.Logging()) with { From = log.End, To = log.Start }, ApiErrorCodes.BadRequest, "endTime");

    [Fact]
    public async Task A_window_in_the_future_names_the_start_time() =>
        await AssertRefusedAsync(log.Request(new PolicyCandidate.Logging()) with { From = DateTimeOffset.UtcNow.AddDays(1), To = DateTimeOffset.UtcNow.AddDays(2) },
            ApiErrorCodes.BadRequest, "startTime");

    [Fact]
    public async Task A_window_without_decisions_has_no_logs() =>
        await AssertRefusedAsync(log.Request(new PolicyCandidate.Logging()) with { From = log.Start.AddDays(-2), To = log.Start.AddDays(-1) },
            ApiErrorCodes.NoLogsExistInDateRange, "startTime");

    [Fact]
    public async Task An_unsupported_policy_flag_is_refused_by_name()
    {
        var error = await AssertRefusedAsync(log.Request(new PolicyCandidate.Settings("bagging", "--cb_explore_adf --bag 5")),
            ApiErrorCodes.InvalidPolicyConfiguration, "policies");
        Assert.Contains("--bag", error.Message);
    }

    [Fact]
    public async Task Cancelling_stops_the_run_before_it_reads_the_window()
    {
        using var cancel = new CancellationTokenSource();
        var reports = 0;
        var progress = new Synchronous(_ =>
        {
            reports++;
            cancel.Cancel();
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            log.Evaluator.EvaluateAsync(log.Request(new PolicyCandidate.Online()), progress, cancel.Token));
        Assert.Equal(1, reports);
    }

    private async Task<EvaluationRequestException> AssertRefusedAsync(EvaluationRequest request, string code, string field)
    {
        var error = await Assert.ThrowsAsync<EvaluationRequestException>(() => log.Evaluator.EvaluateAsync(request, null, CancellationToken.None));
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        return error;
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; posts to a context, too late to assert on).</summary>
    private sealed class Synchronous(Action<EvaluationProgress> report) : IProgress<EvaluationProgress>
    {
        public void Report(EvaluationProgress value) => report(value);
    }
}
