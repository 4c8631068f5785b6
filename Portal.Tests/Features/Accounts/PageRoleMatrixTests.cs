using System.Net;
using Portal.Infrastructure.Security;
using Portal.Tests.Features.Feedback;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Accounts;

/// <summary>Every portal page × anonymous and each role: who may open it, who is sent to log in or turned away.</summary>
public sealed class PageRoleMatrixTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    private const string Anonymous = "anonymous";
    private const string Public = "public";
    private const string TicketPlaceholder = "{ticket}";
    private const string StatusLinkPlaceholder = "{status-link}";

    public static TheoryData<string, string, string> Matrix()
    {
        // page → the roles that may open it
        var pages = new Dictionary<string, string[]>
        {
            ["/"] = [.. PortalRoles.All],
            ["/loops"] = [.. PortalRoles.All],
            ["/loops/demo"] = [.. PortalRoles.All],
            ["/loops/demo/features"] = [.. PortalRoles.All],
            ["/loops/demo/model-history"] = [.. PortalRoles.All],
            ["/insights/bias"] = [.. PortalRoles.All],
            ["/insights/report"] = [.. PortalRoles.All],
            ["/review-panels"] = [.. PortalRoles.All],
            ["/review-panels/1"] = [.. PortalRoles.All],
            ["/admin/users"] = [PortalRoles.Admin],
            ["/privacy/requests"] = [PortalRoles.Admin],
            ["/stream"] = [.. PortalRoles.All],
            ["/controls"] = [.. PortalRoles.All],
            ["/rules"] = [.. PortalRoles.All],
            ["/segments"] = [.. PortalRoles.All],
            ["/decisions/demo/no-such-event"] = [.. PortalRoles.All],
            ["/audit"] = [PortalRoles.Admin, PortalRoles.ComplianceReviewer],
            ["/audit/export.csv"] = [PortalRoles.Admin, PortalRoles.ComplianceReviewer],
            ["/profile/api-tokens"] = [.. PortalRoles.All],
            ["/tickets"] = [.. PortalPolicies.TriageFeedbackRoles],
            ["/tickets/" + TicketPlaceholder] = [.. PortalPolicies.TriageFeedbackRoles],
            ["/tickets/export.csv"] = [.. PortalPolicies.TriageFeedbackRoles],
        };
        var data = new TheoryData<string, string, string>();
        foreach (var (page, allowed) in pages)
        {
            data.Add(page, Anonymous, "login");
            foreach (var role in PortalRoles.All) data.Add(page, role, allowed.Contains(role) ? "ok" : "denied");
        }
        // The end user's pages: no account needed, and a signed-in person sees the same.
        foreach (var page in new[] { "/feedback", "/feedback/status/" + StatusLinkPlaceholder })
        {
            data.Add(page, Anonymous, Public);
            foreach (var role in PortalRoles.All) data.Add(page, role, Public);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_page_admits_exactly_its_roles(string page, string role, string expected)
    {
        var client = role == Anonymous
            ? factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = factory.ClientBaseAddress })
            : await factory.LoginAsync(await UserWithRoleAsync(role), PortalAppFactory.UserPassword);

        var response = await client.GetAsync(await ResolveAsync(page));

        switch (expected)
        {
            case "ok" or Public:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                break;
            case "login":
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery);
                break;
            default:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
                break;
        }
    }

    [Fact]
    public async Task A_signed_in_user_without_any_role_is_turned_away()
    {
        await factory.CreateUserAsync("norole@test.local");
        var client = await factory.LoginAsync("norole@test.local", PortalAppFactory.UserPassword);

        var response = await client.GetAsync("/");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task There_is_no_public_sign_up_page()
    {
        var response = await factory.CreateClient().GetAsync("/Account/Register");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_page_answers_404_with_the_not_found_page()
    {
        var response = await factory.CreateClient().GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("the content you are looking for does not exist", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_api_path_answers_404_without_the_html_not_found_page()
    {
        var response = await factory.CreateApiClient().GetAsync("/personalizer/v1.0/no-such-operation");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    private static readonly SemaphoreSlim TicketGate = new(1, 1);
    private static Portal.Features.Feedback.Intake.SubmissionReceipt? receipt;

    /// <summary>Fills in a real ticket's reference and status link (one ticket for the whole matrix).</summary>
    private async Task<string> ResolveAsync(string page)
    {
        if (!page.Contains('{')) return page;
        await TicketGate.WaitAsync();
        try
        {
            receipt ??= await factory.SubmitAsync("A ticket for the page matrix.");
        }
        finally
        {
            TicketGate.Release();
        }
        return page.Replace(TicketPlaceholder, receipt.Reference).Replace(StatusLinkPlaceholder, receipt.StatusToken);
    }

    private async Task<string> UserWithRoleAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-user@test.local";
        await factory.CreateUserAsync(email, role);
        return email;
    }
}
