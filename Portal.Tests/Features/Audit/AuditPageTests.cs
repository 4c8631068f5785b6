using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Audit;
using Portal.Features.Oversight;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Audit;

public sealed class AuditPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task The_newest_change_is_listed_first_with_its_reason_and_the_chain_verifies()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        await app.Services.GetRequiredService<FreezeService>()
            .FreezeAsync(loopId, "action-0", "Broken image <b>bold</b>", null, TestActors.Person("x", "ada@test.local", PortalRoles.ProductOwner), CancellationToken.None);
        context.SignInAs(PortalRoles.ComplianceReviewer);
        context.RenderProviders();

        var cut = context.Render<AuditPage>();

        cut.WaitForAssertion(() => Assert.Contains("ada@test.local", cut.Find("[data-testid=audit-grid] tbody tr").TextContent));
        Assert.Contains("Broken image &lt;b&gt;bold&lt;/b&gt;", cut.Find("[data-testid=audit-grid] tbody tr").InnerHtml);
        cut.Find("[data-testid=verify-audit]").Click();
        cut.WaitForAssertion(() => Assert.Matches(@"All [\d,]+ entries are intact\.", cut.Find("[data-testid=verify-result]").TextContent));
    }

    [Fact]
    public async Task Filtering_by_who_keeps_only_their_entries()
    {
        var (loopId, _) = await app.LoopWithActionsAsync();
        await app.Services.GetRequiredService<FreezeService>()
            .FreezeAsync(loopId, "action-1", "Only Grace", null, TestActors.Person("g", "grace@test.local", PortalRoles.ProductOwner), CancellationToken.None);
        context.SignInAs(PortalRoles.Admin);
        context.RenderProviders();
        var cut = context.Render<AuditPage>();
        cut.WaitForAssertion(() => cut.Find("[data-testid=audit-grid] tbody tr"));

        cut.Find("input[data-testid=audit-actor]").Input("grace@");

        cut.WaitForAssertion(() =>
        {
            var rows = cut.FindAll("[data-testid=audit-grid] tbody tr.mud-table-row");
            Assert.NotEmpty(rows);
            Assert.All(rows, row => Assert.Contains("grace@test.local", row.TextContent));
        }, TimeSpan.FromSeconds(10));
    }
}
