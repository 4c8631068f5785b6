using Bunit;
using Portal.Features.Insights.Report;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Insights.Report;

/// <summary>End users' comments on the explanations, beside the compliance report: reviewers only, newest first, paged, as text.</summary>
public sealed class EndUserCommentsPanelTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>, IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);
    private readonly BunitContext context = ComponentTestContext.Create(app);

    public async Task InitializeAsync()
    {
        var demo = ("demo", app.CreateApiClient());
        var browser = app.Browser(NextAddress());
        for (var i = 1; i <= 11; i++)
        {
            var (_, token) = await app.DecisionAsync(demo, "commenter-" + i);
            var comment = i == 11 ? "<script>alert('x')</script> newest" : $"Comment number {i:00}";
            Assert.Equal(System.Net.HttpStatusCode.OK, (await browser.AnswerAsync(token, i % 2 == 0 ? "yes" : "no", comment)).StatusCode);
            if (i == 10) browser = app.Browser(NextAddress());
        }
    }

    private static int lastAddress = 40;

    /// <summary>Every test of the class seeds its own comments: each ten from a new address, under the limit per address.</summary>
    private static string NextAddress() => "198.51.100." + Interlocked.Increment(ref lastAddress);

    public async Task DisposeAsync() => await context.DisposeAsync();

    [Fact]
    public void A_compliance_reviewer_reads_the_comments_newest_first_ten_a_page_as_plain_text()
    {
        context.SignInAs(PortalRoles.ComplianceReviewer);
        context.RenderProviders();
        var cut = context.Render<ComplianceReportPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=prepare-report]").Click());

        cut.WaitForAssertion(() => Assert.Equal(10, cut.FindAll("[data-testid=comprehension-comment]").Count), Wait);
        var comments = cut.FindAll("[data-testid=comprehension-comment]");
        Assert.Equal("<script>alert('x')</script> newest", comments[0].TextContent);
        Assert.Contains("&lt;script&gt;", comments[0].InnerHtml);
        Assert.Equal("Comment number 10", comments[1].TextContent);
        Assert.Empty(cut.FindAll("[data-testid=comprehension-comments] script"));
        Assert.DoesNotContain("Comment number 01", cut.Find("[data-testid=comprehension-comments]").TextContent);
    }

    [Fact]
    public void A_product_owner_reads_the_report_without_the_comments()
    {
        context.SignInAs(PortalRoles.ProductOwner);
        context.RenderProviders();
        var cut = context.Render<ComplianceReportPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=prepare-report]").Click());

        cut.WaitForAssertion(() => cut.Find("iframe[data-testid=report-preview]"), Wait);
        Assert.Empty(cut.FindAll("[data-testid=comprehension-comments]"));
        Assert.DoesNotContain("Comment number", cut.Find("iframe[data-testid=report-preview]").GetAttribute("srcdoc"));
    }
}
