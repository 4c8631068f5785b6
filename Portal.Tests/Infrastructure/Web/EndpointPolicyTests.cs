using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Infrastructure.Web;

/// <summary>
/// Every page and endpoint names its role policy, or is one of the public pages on purpose, and each public page is
/// rate limited; what remains without either is the framework's (static files, the Blazor hub and scripts), the health
/// checks, the OpenAPI document and the sign-in pages. A page or endpoint mapped without a policy fails here.
/// </summary>
public sealed class EndpointPolicyTests(PortalAppFactory app) : IClassFixture<PortalAppFactory>
{
    private static readonly string[] PublicPages =
        ["/data-handling/{loopId}", "/feedback", "/feedback/status/{Token}", "/privacy/opt-out", "/review/{Token}", "/why/{token}"];

    private static readonly string[] OpenByDesign =
    [
        "/health/live", "/health/ready", "/openapi/{documentName}.json", "/Error", "/not-found", "{**path:file}",
        "/Account/AccessDenied", "/Account/InvalidUser", "/Account/Lockout", "/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode",
        // Posts with antiforgery: signing out whoever is signed in, and the passkey options (creation looks up the signed-in user itself).
        "/Account/Logout", "/Account/PasskeyCreationOptions", "/Account/PasskeyRequestOptions",
    ];

    private IReadOnlyList<RouteEndpoint> Endpoints => [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()];

    private static bool IsFramework(string pattern) =>
        pattern.StartsWith("/_blazor", StringComparison.Ordinal) || pattern.StartsWith("/_framework/", StringComparison.Ordinal)
        || (!pattern.StartsWith('/') && Path.HasExtension(pattern)); // static files: "app.css", "_framework/blazor.web.js"

    [Fact]
    public void Every_endpoint_has_a_role_policy_unless_it_is_public_on_purpose_or_the_frameworks()
    {
        var endpoints = Endpoints;
        var withoutPolicy = endpoints
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null && e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => e.RoutePattern.RawText!)
            .Where(pattern => !IsFramework(pattern) && !OpenByDesign.Contains(pattern))
            .Distinct().Order().ToList();
        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            .Select(e => e.RoutePattern.RawText!).Distinct().Order().ToList();

        Assert.Empty(withoutPolicy);
        Assert.Equal(PublicPages, anonymous);
        Assert.True(endpoints.Count(e => e.Metadata.GetMetadata<IAuthorizeData>() is not null) > 100);
    }

    [Fact]
    public void Every_public_endpoint_that_takes_a_post_checks_its_antiforgery_token()
    {
        var posts = Endpoints.Where(e => PublicPages.Contains(e.RoutePattern.RawText)
            && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true).ToList();
        var unprotected = posts.Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Antiforgery.IAntiforgeryMetadata>() is not { RequiresValidation: true })
            .Select(e => e.RoutePattern.RawText).ToList();

        Assert.NotEmpty(posts);
        Assert.Empty(unprotected);
    }

    [Fact]
    public void Every_public_page_is_rate_limited()
    {
        var unlimited = Endpoints
            .Where(e => PublicPages.Contains(e.RoutePattern.RawText) && e.Metadata.GetMetadata<EnableRateLimitingAttribute>() is null)
            .Select(e => e.RoutePattern.RawText).ToList();

        Assert.Empty(unlimited);
    }
}
