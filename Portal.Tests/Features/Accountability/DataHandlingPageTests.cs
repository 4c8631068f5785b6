using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Accountability;
using Portal.Infrastructure.Security;
using Portal.Tests.TestInfrastructure;
using static Portal.Tests.Features.Insights.Aggregation.InsightData;

namespace Portal.Tests.Features.Accountability;

/// <summary>The public data-handling page and the Why page's "who is responsible", as a browser without JavaScript gets them.</summary>
public sealed class DataHandlingPageTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private static readonly Actor Reviewer = TestActors.Person("cr-id", "cr@test.local", PortalRoles.ComplianceReviewer);

    private T Service<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    [Fact]
    public async Task The_public_page_shows_the_newest_statement_as_text_with_its_owner_and_never_as_markup()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        await Service<LoopOwners>().SaveAsync(loopId, new LoopOwnerForm
        {
            OwnerName = "Editorial team", OwnerContact = "editorial@example.org", Purpose = "Article suggestions.",
        }, Reviewer, CancellationToken.None);
        await Service<DataHandlingStatements>().PublishAsync(loopId, "An old version.", Reviewer, CancellationToken.None);
        await Service<DataHandlingStatements>().PublishAsync(loopId, """
            # What we use
            Your **device** and <script>alert('x')</script> nothing else. [Write to us](mailto:editorial@example.org)
            """, Reviewer, CancellationToken.None);

        var response = await factory.CreateClient().GetAsync($"/data-handling/{loopId}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h3 class=\"statement-heading statement-heading-1\">What we use</h3>", html);
        Assert.Contains("<strong>device</strong>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("href=\"mailto:editorial@example.org\"", html);
        Assert.Contains("Version 2", html);
        Assert.DoesNotContain("An old version.", html);
        Assert.Contains("Editorial team is responsible", WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task A_loop_without_a_statement_or_an_unknown_loop_gets_the_same_plain_404()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var client = factory.CreateClient();

        var none = await client.GetAsync($"/data-handling/{loopId}");
        var unknown = await client.GetAsync("/data-handling/no-such-loop");

        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        // The same page in the same words; only the skip link names the page's own address.
        Assert.Equal((await none.Content.ReadAsStringAsync()).Replace(loopId, "no-such-loop", StringComparison.Ordinal),
            await unknown.Content.ReadAsStringAsync());
        Assert.Contains("There is no data-handling statement at this address.", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_why_page_names_who_is_responsible_and_links_the_statement_once_one_is_published()
    {
        var (loopId, _) = await factory.CreateLoopAsync();
        var decision = Decision(loopId, DateTimeOffset.UtcNow.AddMinutes(-1), "25-34", "A", null);
        await SeedAsync(factory.Services, decision);
        var token = Service<DecisionLinkTokens>().Create(loopId, decision.EventId, DateTimeOffset.UtcNow.AddDays(1));
        var client = factory.CreateClient();

        var before = WebUtility.HtmlDecode(await client.GetStringAsync($"/why/{token}"));
        await Service<LoopOwners>().SaveAsync(loopId, new LoopOwnerForm
        {
            OwnerName = "Editorial team", OwnerContact = "editorial@example.org", Purpose = "Article suggestions.",
        }, Reviewer, CancellationToken.None);
        await Service<DataHandlingStatements>().PublishAsync(loopId, "We use your device type.", Reviewer, CancellationToken.None);
        var after = WebUtility.HtmlDecode(await client.GetStringAsync($"/why/{token}"));

        Assert.Contains("The organisation that runs this service is responsible", before);
        Assert.DoesNotContain("data-testid=\"why-statement\"", before);
        Assert.Contains("Editorial team is responsible for these suggestions. Contact: editorial@example.org.", after);
        Assert.Contains($"href=\"/data-handling/{loopId}\"", after);
    }
}
