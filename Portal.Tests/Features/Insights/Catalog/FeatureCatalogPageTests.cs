using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Insights.Catalog;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Insights.Catalog;

public sealed class FeatureCatalogPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_sensitive_looking_input_is_warned_about_until_it_is_marked_audit_only()
    {
        var (loopId, _) = await app.LoopWithActionsAsync(2);
        context.SignInAs(PortalRoles.ComplianceReviewer);
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
        var (loopId, _) = await app.LoopWithActionsAsync(2);
        await app.Services.GetRequiredService<FeatureCatalogEditor>()
            .SetAuditOnlyAsync(loopId, "user.ageBand", true, "Fairness", TestActors.Person("x", "x", PortalRoles.ComplianceReviewer), CancellationToken.None);
        context.SignInAs(PortalRoles.ProductOwner);

        var cut = context.Render<FeatureCatalogPage>(p => p.Add(x => x.LoopId, loopId));

        cut.WaitForAssertion(() => Assert.True(cut.Find("input[data-testid='audit-only-user.ageBand']").HasAttribute("disabled")));
        Assert.False(cut.Find("input[data-testid='audit-only-user.visits']").HasAttribute("disabled"));
        Assert.Contains("needs a compliance reviewer", cut.Markup);
    }
}
