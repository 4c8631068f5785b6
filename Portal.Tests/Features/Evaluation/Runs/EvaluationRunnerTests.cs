using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Evaluation;
using Portal.Features.Evaluation.Runs;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Evaluation.Runs;

public sealed class EvaluationRunnerTests(EvaluationAppFactory app) : IClassFixture<EvaluationAppFactory>
{
    private readonly ScriptedPolicyEvaluator evaluator = Reset(app.Evaluator);

    private static ScriptedPolicyEvaluator Reset(ScriptedPolicyEvaluator evaluator)
    {
        evaluator.Behaviour = null;
        return evaluator;
    }

    [Fact]
    public async Task A_queued_run_is_evaluated_and_its_report_stored()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();

        var key = await app.StartAsync(EvaluationRunTestData.Request(loopId, policies: new NewPolicy("cheap", "--cb_explore_adf --epsilon 0.1")));

        var row = await app.WaitForAsync(key, EvaluationRunStatus.Succeeded);
        Assert.Equal(1.0, row.Progress);
        Assert.Equal(ScriptedPolicyEvaluator.Decisions, row.DecisionsRead);
        Assert.NotNull(row.StartedAt);
        Assert.NotNull(row.FinishedAt);
        // Claimed by this node, which a restart of another node leaves alone while its heartbeat is fresh.
        Assert.Equal(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Infrastructure.Cluster.ClusterOptions>>().Value.ResolvedNodeId, row.RunningOn);
        Assert.NotNull(row.HeartbeatAt);
        var detail = await app.Services.GetRequiredService<EvaluationRunQueries>().FindAsync(key, CancellationToken.None);
        Assert.Equal(["online", "baseline", "cheap"], detail!.Report!.Policies.Select(p => p.Candidate.Name));
        Assert.Equal(0.5, detail.Report.Policies[2].Snips.Value, 6);
        Assert.Equal(2, detail.Report.Policies[2].Timeline.Count);
        var request = evaluator.Requests.Last(r => r.LoopId == loopId);
        Assert.Equal(TimeSpan.FromMinutes(60), request.BucketWidth);
        Assert.Equal(new PolicyCandidate.Settings("cheap", "--cb_explore_adf --epsilon 0.1"), request.Candidates[2]);
    }

    [Fact]
    public async Task A_refusal_of_the_evaluator_is_stored_as_it_worded_it_with_its_field()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        evaluator.Behaviour = (_, _, _) => throw new EvaluationRequestException("NoLogsExistInDateRange", "from", "No learnable decisions in this window.");

        var row = await app.WaitForAsync(await app.StartAsync(EvaluationRunTestData.Request(loopId)), EvaluationRunStatus.Failed);

        Assert.Equal("No learnable decisions in this window.", row.FailureMessage);
        Assert.Equal("from", row.FailureField);
        Assert.Null(row.ResultJson);
    }

    [Fact]
    public async Task Another_failure_is_stored_with_a_safe_message_not_the_exception_text()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        evaluator.Behaviour = (_, _, _) => throw new InvalidOperationException("secret internals at C:\\path");

        var row = await app.WaitForAsync(await app.StartAsync(EvaluationRunTestData.Request(loopId)), EvaluationRunStatus.Failed);

        Assert.Equal(EvaluationRunner.UnexpectedFailure, row.FailureMessage);
    }

    [Fact]
    public async Task A_running_evaluation_stops_when_a_person_cancels_it_and_shows_its_progress_until_then()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        evaluator.Behaviour = ScriptedPolicyEvaluator.UntilCanceled;
        var key = await app.StartAsync(EvaluationRunTestData.Request(loopId));
        await app.WaitForAsync(key, EvaluationRunStatus.Running);
        var queries = app.Services.GetRequiredService<EvaluationRunQueries>();
        await Eventually.TrueAsync(async () => (await queries.FindAsync(key, CancellationToken.None))!.Run.Progress == 0.5);
        // Stored too, not only on the live board.
        await Eventually.TrueAsync(async () => (await app.RowAsync(key))!.DecisionsRead == ScriptedPolicyEvaluator.Decisions / 2);

        var canceled = await app.Services.GetRequiredService<EvaluationRunService>().CancelAsync(key, TestActors.Admin(), CancellationToken.None);

        Assert.True(canceled);
        var row = await app.WaitForAsync(key, EvaluationRunStatus.Canceled);
        Assert.Equal(0.5, row.Progress);
        Assert.Null(row.ResultJson);
    }

    [Fact]
    public async Task A_compliance_reviewer_may_not_cancel_a_run()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        evaluator.Behaviour = ScriptedPolicyEvaluator.UntilCanceled;
        var key = await app.StartAsync(EvaluationRunTestData.Request(loopId));
        var service = app.Services.GetRequiredService<EvaluationRunService>();

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            service.CancelAsync(key, TestActors.Person("cr-id", "cr@test.local", PortalRoles.ComplianceReviewer), CancellationToken.None));

        Assert.True(await service.CancelAsync(key, Actor.System, CancellationToken.None));
        await app.WaitForAsync(key, EvaluationRunStatus.Canceled);
    }

    [Fact]
    public async Task Runs_left_running_by_a_restart_are_marked_failed_and_pending_ones_run_again()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        var running = new RunKey(loopId, "left-running");
        var pending = new RunKey(loopId, "left-pending");
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.EvaluationRuns.Add(Row(running, EvaluationRunStatus.Running));
            db.EvaluationRuns.Add(Row(pending, EvaluationRunStatus.Pending));
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<InterruptedRuns>().RecoverAsync(CancellationToken.None);

        var interrupted = await app.RowAsync(running);
        Assert.Equal(EvaluationRunStatus.Failed, interrupted!.Status);
        Assert.Equal(InterruptedRuns.InterruptedMessage, interrupted.FailureMessage);
        Assert.Contains("interrupted by a restart", interrupted.FailureMessage);
        await app.WaitForAsync(pending, EvaluationRunStatus.Succeeded);
    }

    [Fact]
    public async Task A_restart_fails_its_own_runs_and_those_of_a_node_that_stopped_but_leaves_a_live_nodes_run_to_it()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        var thisNode = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Portal.Infrastructure.Cluster.ClusterOptions>>().Value.ResolvedNodeId;
        var now = DateTimeOffset.UtcNow;
        var (own, live, lost) = (new RunKey(loopId, "own-node"), new RunKey(loopId, "live-node"), new RunKey(loopId, "lost-node"));
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.EvaluationRuns.Add(Row(own, EvaluationRunStatus.Running));
            await db.SaveChangesAsync();
        }
        await SetNodeAsync(own, thisNode, now);
        await AddRunningAsync(live, "node-b", now.AddSeconds(-3));
        await AddRunningAsync(lost, "node-c", now - InterruptedRuns.StaleAfter - TimeSpan.FromSeconds(5));

        await app.Services.GetRequiredService<InterruptedRuns>().RecoverAsync(CancellationToken.None);

        Assert.Equal((EvaluationRunStatus.Failed, InterruptedRuns.InterruptedMessage), Outcome(await app.RowAsync(own)));
        Assert.Equal((EvaluationRunStatus.Running, null), Outcome(await app.RowAsync(live)));
        Assert.Equal((EvaluationRunStatus.Failed, InterruptedRuns.NodeStoppedMessage("node-c")), Outcome(await app.RowAsync(lost)));
        Assert.Contains("node-c", InterruptedRuns.NodeStoppedMessage("node-c"));

        static (EvaluationRunStatus, string?) Outcome(EvaluationRun? row) => (row!.Status, row.FailureMessage);
    }

    private async Task AddRunningAsync(RunKey key, string node, DateTimeOffset heartbeat)
    {
        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync())
        {
            db.EvaluationRuns.Add(Row(key, EvaluationRunStatus.Running));
            await db.SaveChangesAsync();
        }
        await SetNodeAsync(key, node, heartbeat);
    }

    private async Task SetNodeAsync(RunKey key, string node, DateTimeOffset heartbeat)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        await db.EvaluationRuns.Where(r => r.LoopId == key.LoopId && r.Id == key.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.RunningOn, node).SetProperty(r => r.HeartbeatAt, heartbeat));
    }

    [Fact]
    public async Task A_database_that_refuses_the_start_up_recovery_does_not_stop_the_runner_which_tries_again()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        var running = new RunKey(loopId, "left-running-read-only");
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.EvaluationRuns.Add(Row(running, EvaluationRunStatus.Running));
            await db.SaveChangesAsync();
        }
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var readOnlyAtFirst = new RefusingFirst(dbFactory);
        var interrupted = ActivatorUtilities.CreateInstance<InterruptedRuns>(app.Services, readOnlyAtFirst, (TimeProvider)clock);
        using var runner = ActivatorUtilities.CreateInstance<EvaluationRunner>(app.Services, interrupted, (TimeProvider)clock);

        await runner.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => Task.FromResult(readOnlyAtFirst.Refused));
        Assert.False(runner.ExecuteTask!.IsCompleted);
        Assert.Equal(EvaluationRunStatus.Running, (await app.RowAsync(running))!.Status);

        await Eventually.TrueAsync(async () =>
        {
            clock.Advance(EvaluationRunner.RecoverRetry);
            return (await app.RowAsync(running))!.Status == EvaluationRunStatus.Failed;
        });
        await runner.StopAsync(CancellationToken.None);
        Assert.Equal(InterruptedRuns.InterruptedMessage, (await app.RowAsync(running))!.FailureMessage);
    }

    /// <summary>A database that refuses the first context asked of it, as a read-only data folder does the first write.</summary>
    private sealed class RefusingFirst(IDbContextFactory<PortalDbContext> inner) : IDbContextFactory<PortalDbContext>
    {
        public bool Refused { get; private set; }

        public PortalDbContext CreateDbContext()
        {
            if (Refused) return inner.CreateDbContext();
            Refused = true;
            throw new Microsoft.Data.Sqlite.SqliteException("SQLite Error 8: 'attempt to write a readonly database'.", 8);
        }
    }

    private static EvaluationRun Row(RunKey key, EvaluationRunStatus status) => new()
    {
        LoopId = key.LoopId,
        Id = key.Id,
        Name = key.Id,
        From = DateTimeOffset.UtcNow.AddHours(-1),
        To = DateTimeOffset.UtcNow,
        CandidatesJson = """[{"kind":"Baseline","name":"baseline","arguments":null,"source":"Baseline"}]""",
        Status = status,
        CreatedByName = "system",
        CreatedAt = DateTimeOffset.UtcNow,
    };
}
