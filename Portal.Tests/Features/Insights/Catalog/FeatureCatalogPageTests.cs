using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Insights.Catalog;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Insights.Catalog;

public sealed class FeatureCatalogPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private BunitContext context = default!;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_sensitive_looking_input_is_warned_about_until_it_is_marked_audit_only()
    {
        var loopId = await LoopWithOneDecisionAsync();
        context = ComponentTestContext.Create(app, PortalRoles.ComplianceReviewer);
        var dialogs = context.RenderProviders();

        var cut = context.Render<FeatureCatalogPage>(p => p.Add(x => x.LoopId, loopId));

        cut.WaitForAssertion(() => Assert.Contains("user.ageBand", cut.Find("[data-testid=sensitive-warning]").TextContent));
        Assert.DoesNotContain("user.visits", cut.Find("[data-testid=sensitive-warning]").TextContent);
        cut.Find("input[data-testid='audit-only-user.ageBand']").Change(true);
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=audit-only-reason]").Change("Age must not drive suggestions"));
        dialogs.Find("[data-testid=confirm-audit-only]").Click();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=sensitive-warning]")));
        Assert.Contains("user.ageBand", app.Services.GetRequiredService<Portal.Features.Loops.LoopDirectory>().Find(loopId)!.AuditOnlyFeatures.AsEnumerable());
    }

    [Fact]
    public async Task A_product_owner_may_mark_but_not_unmark_a_feature()
    {
        var loopId = await LoopWithOneDecisionAsync();
        await app.Services.GetRequiredService<FeatureCatalogEditor>()
            .SetAuditOnlyAsync(loopId, "user.ageBand", true, "Fairness", TestActors.Person("x", "x", PortalRoles.ComplianceReviewer), CancellationToken.None);
        context = ComponentTestContext.Create(app, PortalRoles.ProductOwner);

        var cut = context.Render<FeatureCatalogPage>(p => p.Add(x => x.LoopId, loopId));

        cut.WaitForAssertion(() => Assert.True(cut.Find("input[data-testid='audit-only-user.ageBand']").HasAttribute("disabled")));
        Assert.False(cut.Find("input[data-testid='audit-only-user.visits']").HasAttribute("disabled"));
        Assert.Contains("needs a compliance reviewer", cut.Markup);
    }

    private async Task<string> LoopWithOneDecisionAsync()
    {
        var (loopId, api) = await app.CreateLoopAsync();
        await api.PostAsync("/personalizer/v1.0/rank", RankPayloads.Json(RankPayloads.Valid(2)));
        return loopId;
    }
}
