using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Evaluation.Pages;
using Portal.Features.Evaluation.Runs;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Evaluation.Runs;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Evaluation.Pages;

public sealed class EvaluationsPageTests(EvaluationAppFactory app) : IClassFixture<EvaluationAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync()
    {
        app.Evaluator.Behaviour = null;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task An_unknown_flag_and_a_reversed_window_are_shown_next_to_their_fields_and_nothing_is_stored()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var reversed = EvaluationForm.LastDay(DateTimeOffset.UtcNow);
        reversed.ToDate = reversed.FromDate!.Value.AddDays(-2);
        var cut = context.Render<EvaluationCreateForm>(p => p.Add(x => x.LoopId, loopId).Add(x => x.Initial, reversed));

        cut.Find("button[data-testid=add-custom]").Click();
        cut.Find("input[data-testid=custom-arguments-0]").Change("--cb_explore_adf --bogus 1");
        cut.Find("button[data-testid=run-evaluation]").Click();

        cut.WaitForAssertion(() => Assert.Contains("unknown flag '--bogus'", cut.Find("[data-testid=custom-arguments-field-0]").TextContent));
        Assert.Contains("ends before it starts", cut.Find("[data-testid=to-field]").TextContent);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await db.EvaluationRuns.AnyAsync(r => r.LoopId == loopId));
    }

    [Fact]
    public async Task A_run_started_from_the_form_shows_its_chart_and_a_table_per_policy()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<EvaluationsPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("button[data-testid=run-evaluation]"));

        cut.Find("button[data-testid=add-custom]").Click();
        cut.Find("button[data-testid=run-evaluation]").Click();

        cut.WaitForAssertion(() => Assert.Equal(4, cut.FindAll("[data-testid=policy-table]").Count), TimeSpan.FromSeconds(20));
        Assert.Equal(4, cut.FindAll("[data-testid=estimate-point]").Count);
        Assert.Equal(4, cut.FindAll("[data-testid=band]").Count);
        cut.WaitForAssertion(() => Assert.Contains("Succeeded", cut.Find("[data-testid=run-status]").TextContent));
        var custom = cut.FindAll("[data-testid=policy-table]").Single(t => t.TextContent.Contains("custom 1"));
        Assert.Contains("SNIPS", custom.TextContent);
        Assert.Contains("[0.4700, 0.6300]", custom.TextContent);
        Assert.Single(cut.FindAll("button[data-testid=apply-policy]"));
    }

    [Fact]
    public async Task A_failed_run_shows_why_and_a_compliance_reviewer_sees_results_without_form_cancel_or_apply()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        app.Evaluator.Behaviour = (_, _, _) => throw new Portal.Features.Evaluation.EvaluationRequestException("NoLogsExistInDateRange", "from", "No learnable decisions in this window.");
        var key = await app.StartAsync(EvaluationRunTestData.Request(loopId));
        await app.WaitForAsync(key, EvaluationRunStatus.Failed);
        context.SignInAs(PortalRoles.ComplianceReviewer);

        var cut = context.Render<EvaluationsPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=runs]"));
        cut.Find("[data-testid=runs] tbody tr").Click();

        cut.WaitForAssertion(() => Assert.Contains("No learnable decisions in this window.", cut.Find("[data-testid=run-failure]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=evaluation-form]"));
        Assert.Empty(cut.FindAll("[data-testid=cancel-run]"));
        Assert.NotNull(cut.Find("[data-testid=read-only]"));
    }

    [Fact]
    public async Task Apply_this_policy_asks_for_confirmation_then_sets_the_loops_policy_with_an_audit_entry()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        var current = app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.Policy.Arguments;
        var key = await app.StartAsync(EvaluationRunTestData.Request(loopId, policies: new NewPolicy("gentler", current.Replace("--epsilon 0.2", "--epsilon 0.1", StringComparison.Ordinal))));
        await app.WaitForAsync(key, EvaluationRunStatus.Succeeded);
        context.SignInAs(PortalRoles.ProductOwner);
        var dialogs = context.RenderProviders();
        var cut = context.Render<EvaluationsPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("button[data-testid=apply-policy]"));

        cut.Find("button[data-testid=apply-policy]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("gentler", dialogs.Markup));
        dialogs.Find("[data-testid=confirm]").Click();

        await Eventually.TrueAsync(() => app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.PolicyName == "gentler");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(e => e.LoopId == loopId && e.Action == "loop.policy");
        Assert.Equal("productowner-id", entry.ActorId);
    }

    [Fact]
    public async Task A_run_another_node_evaluates_shows_its_stored_progress_as_it_moves_and_its_end()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        var run = new EvaluationRun
        {
            LoopId = loopId, Id = "elsewhere-" + Guid.NewGuid().ToString("N")[..6], Name = "Run on node-b", CandidatesJson = "[]",
            From = DateTimeOffset.UtcNow.AddDays(-1), To = DateTimeOffset.UtcNow, Status = EvaluationRunStatus.Running, Progress = 0.25,
            DecisionsRead = 1000, CreatedByName = "ana@test.local", CreatedAt = DateTimeOffset.UtcNow, StartedAt = DateTimeOffset.UtcNow,
        };
        var dbFactory = app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using (var db = await dbFactory.CreateDbContextAsync())
        {
            db.EvaluationRuns.Add(run);
            await db.SaveChangesAsync();
        }
        context.SignInAs(PortalRoles.ComplianceReviewer);

        var cut = context.Render<EvaluationsPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => Assert.Contains("25 % · 1,000 decisions read", cut.Find("[data-testid=runs]").TextContent));
        await SetAsync(r => r.SetProperty(x => x.Progress, 0.6).SetProperty(x => x.DecisionsRead, 2400));

        cut.WaitForAssertion(() => Assert.Contains("60 % · 2,400 decisions read", cut.Find("[data-testid=runs]").TextContent), TimeSpan.FromSeconds(10));
        await SetAsync(r => r.SetProperty(x => x.Status, EvaluationRunStatus.Failed).SetProperty(x => x.DecisionsRead, 4000)
            .SetProperty(x => x.FailureMessage, "Stopped on node-b."));
        cut.WaitForAssertion(() => Assert.Contains("4,000 decisions", cut.Find("[data-testid=runs]").TextContent), TimeSpan.FromSeconds(10));

        async Task SetAsync(Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<EvaluationRun>> set)
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.EvaluationRuns.Where(r => r.LoopId == loopId && r.Id == run.Id).ExecuteUpdateAsync(set);
        }
    }

    [Fact]
    public void The_page_of_a_deleted_loop_says_so()
    {
        context.SignInAs(PortalRoles.Admin);

        var cut = context.Render<EvaluationsPage>(p => p.Add(x => x.LoopId, "no-such-loop"));

        cut.WaitForAssertion(() => Assert.Contains("does not exist", cut.Find("[data-testid=no-loop]").TextContent));
    }
}
