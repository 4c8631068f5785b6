using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Insights.Report;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Insights.Report;

public sealed class ComplianceReportPageTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public async Task A_compliance_reviewer_prepares_the_report_and_signs_off_exactly_the_document_shown()
    {
        context.SignInAs(PortalRoles.ComplianceReviewer);
        var dialogs = context.RenderProviders();
        var cut = context.Render<ComplianceReportPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=prepare-report]").Click());
        cut.WaitForAssertion(() => Assert.Contains("Compliance report: Demo: news articles", cut.Find("iframe[data-testid=report-preview]").GetAttribute("srcdoc")));
        var hash = cut.Find("[data-testid=report-hash]").TextContent;
        cut.Find("[data-testid=sign-off]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("textarea[data-testid=sign-off-note]").Change("Quarterly review"));
        dialogs.Find("[data-testid=confirm-sign-off]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Quarterly review", cut.Find("[data-testid=sign-offs]").TextContent));
        Assert.Contains(hash[..16], cut.Find("[data-testid=sign-offs]").TextContent);
        var signOffs = await app.Services.GetRequiredService<SignOffQueries>().ForLoopAsync("demo", CancellationToken.None);
        Assert.Contains(signOffs, s => s.ContentHash == hash);
    }

    [Fact]
    public void A_product_owner_reads_the_report_but_has_no_sign_off()
    {
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<ComplianceReportPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=prepare-report]").Click());

        cut.WaitForAssertion(() => cut.Find("iframe[data-testid=report-preview]"));
        Assert.Empty(cut.FindAll("[data-testid=sign-off]"));
        Assert.NotNull(cut.Find("[data-testid=download-report]"));
    }
}
