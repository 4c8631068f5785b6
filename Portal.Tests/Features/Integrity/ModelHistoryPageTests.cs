using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Features.Integrity;
using Portal.Features.Learning;
using Portal.Features.Learning.Models;
using Portal.Features.Loops;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Integrity;

public sealed class ModelHistoryPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_compliance_reviewer_sees_snapshots_and_quarantines_but_no_form_and_no_rollback()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        await KeepSnapshotAsync(loopId);
        await app.Services.GetRequiredService<QuarantineService>().QuarantineAsync(loopId, DateTimeOffset.UtcNow.AddHours(-2),
            DateTimeOffset.UtcNow.AddHours(-1), null, "Scripted traffic", TestActors.Admin(), CancellationToken.None);
        context.SignInAs(PortalRoles.ComplianceReviewer);

        var cut = context.Render<ModelHistoryPage>(p => p.Add(x => x.LoopId, loopId));

        cut.WaitForAssertion(() => Assert.Contains("Scripted traffic", cut.Find("[data-testid=quarantines]").TextContent));
        Assert.Single(cut.FindAll("[data-testid=snapshots] tbody tr"));
        Assert.Empty(cut.FindAll("[data-testid=quarantine]"));
        Assert.Empty(cut.FindAll("[data-testid=rollback]"));
    }

    [Fact]
    public async Task Quarantining_without_a_window_shows_the_message_next_to_the_field_and_stores_nothing()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        context.SignInAs(PortalRoles.ProductOwner);
        var cut = context.Render<ModelHistoryPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("[data-testid=quarantine]"));

        cut.Find("button[data-testid=quarantine]").Click();

        cut.WaitForAssertion(() => Assert.Contains("from is required", cut.Find("[data-testid=from-field]").TextContent));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        Assert.False(await db.Quarantines.AnyAsync(q => q.LoopId == loopId));
    }

    [Fact]
    public async Task A_product_owner_rolls_back_to_a_snapshot_with_a_reason_and_the_model_serves_it()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        await KeepSnapshotAsync(loopId);
        context.SignInAs(PortalRoles.ProductOwner);
        var dialogs = context.RenderProviders();
        var cut = context.Render<ModelHistoryPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("button[data-testid=rollback]"));

        cut.Find("button[data-testid=rollback]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=reason]"));
        dialogs.Find("textarea[data-testid=reason]").Input("Back to before the catalog import");
        dialogs.Find("[data-testid=confirm-reason]").Click();

        await Eventually.TrueAsync(async () =>
        {
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
            return await db.AuditEntries.AnyAsync(a => a.LoopId == loopId && a.Action == "loop.model.rollback" && a.Reason == "Back to before the catalog import");
        });
        Assert.Equal(7, app.Services.GetRequiredService<LoopDirectory>().Find(loopId)!.Model.Current.ExamplesLearned);
    }

    /// <summary>A snapshot of a learner that has learned 7 examples, as the trainer would keep it.</summary>
    private async Task KeepSnapshotAsync(string loopId)
    {
        var learner = new OnlineLearner(PolicyParser.Parse(PolicyParser.PortalDefault));
        var context = FeatureSet.Empty;
        var actions = new[] { FeatureSet.Empty, FeatureSet.Empty };
        for (var i = 0; i < 7; i++) learner.Learn(context, actions, 0, 0.5, 1);
        await app.Services.GetRequiredService<ModelSnapshots>().TakeAsync(loopId, learner, 0, DateTimeOffset.UtcNow, keep: 10, term: null, CancellationToken.None);
    }
}
