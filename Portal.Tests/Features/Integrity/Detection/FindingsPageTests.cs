using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data;
using Portal.Data.Entities;
using Portal.Features.Integrity.Detection;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Integrity.Detection;

public sealed class FindingsPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_compliance_reviewer_sees_the_finding_with_its_evidence_chart_and_numbers_but_no_review_buttons()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        await FindingsApiTests.FindingAsync(app.Services, loopId);
        context.SignInAs(PortalRoles.ComplianceReviewer);

        var cut = context.Render<FindingsPage>(p => p.Add(x => x.LoopId, loopId));

        cut.WaitForAssertion(() => Assert.Contains("reward rate of b for user.country = BR", cut.Find("[data-testid=finding-subject]").TextContent));
        Assert.NotNull(cut.Find("[data-testid=evidence-chart]"));
        Assert.Contains("70.0%", cut.Find("[data-testid=finding]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=dismiss-finding]"));
        Assert.Empty(cut.FindAll("[data-testid=quarantine-finding]"));
    }

    [Fact]
    public async Task A_product_owner_quarantines_a_finding_with_a_reason_and_it_moves_to_the_reviewed_list()
    {
        var (loopId, _) = await app.CreateLoopAsync();
        var id = await FindingsApiTests.FindingAsync(app.Services, loopId);
        context.SignInAs(PortalRoles.ProductOwner);
        var dialogs = context.RenderProviders();
        var cut = context.Render<FindingsPage>(p => p.Add(x => x.LoopId, loopId));
        cut.WaitForAssertion(() => cut.Find("button[data-testid=quarantine-finding]"));

        cut.Find("button[data-testid=quarantine-finding]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=reason]"));
        dialogs.Find("textarea[data-testid=reason]").Input("Bots from one address");
        dialogs.Find("[data-testid=confirm-reason]").Click();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=no-findings]")));
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>().CreateDbContextAsync();
        var finding = await db.ManipulationFindings.AsNoTracking().SingleAsync(f => f.Id == id);
        Assert.Equal(FindingStatus.Quarantined, finding.Status);
        Assert.True(await db.Quarantines.AnyAsync(q => q.LoopId == loopId && q.Id == finding.QuarantineId));
    }
}
