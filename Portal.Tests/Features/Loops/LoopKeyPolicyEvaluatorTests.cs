using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Portal.Features.Loops;
using Portal.Tests.TestInfrastructure;

namespace Portal.Tests.Features.Loops;

/// <summary>The Decision API's policy, authenticated by the key without a handler, names the same caller as the framework's evaluator with the handler.</summary>
public sealed class LoopKeyPolicyEvaluatorTests(PortalAppFactory factory) : IClassFixture<PortalAppFactory>
{
    public static TheoryData<string?> Keys() => new() { PortalAppFactory.DemoKey, "not-the-key", null, "", new string('k', 257) };

    [Fact]
    public void The_authorization_middleware_uses_it()
    {
        using var scope = factory.Services.CreateScope();

        Assert.IsType<LoopKeyPolicyEvaluator>(scope.ServiceProvider.GetRequiredService<IPolicyEvaluator>());
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_key_gives_the_caller_the_framework_gives_and_no_one_else(string? key)
    {
        using var scope = factory.Services.CreateScope();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();
        var policy = (await scope.ServiceProvider.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(LoopClient.Policy))!;

        var (byFramework, frameworkCall) = await AuthenticateAsync(new PolicyEvaluator(authorization), policy, scope.ServiceProvider, key);
        var (byKey, keyCall) = await AuthenticateAsync(scope.ServiceProvider.GetRequiredService<IPolicyEvaluator>(), policy, scope.ServiceProvider, key);

        Assert.Equal(Describe(byFramework, frameworkCall), Describe(byKey, keyCall));
        Assert.Equal(key == PortalAppFactory.DemoKey, byKey.Succeeded);
        // A signed-in person's identity never survives on these routes: only the key counts.
        Assert.DoesNotContain(keyCall.User.Claims, c => c.Type == ClaimTypes.Name);
        var decision = await scope.ServiceProvider.GetRequiredService<IPolicyEvaluator>().AuthorizeAsync(policy, byKey, keyCall, null);
        Assert.Equal((key == PortalAppFactory.DemoKey, key != PortalAppFactory.DemoKey), (decision.Succeeded, decision.Challenged));
    }

    private static async Task<(AuthenticateResult Result, HttpContext Call)> AuthenticateAsync(IPolicyEvaluator evaluator, AuthorizationPolicy policy,
        IServiceProvider services, string? key)
    {
        var call = new DefaultHttpContext { RequestServices = services };
        call.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "someone signed in")], "Cookies"));
        if (key is not null) call.Request.Headers[LoopKeyAuthenticationHandler.HeaderName] = key;
        return (await evaluator.AuthenticateAsync(policy, call), call);
    }

    private static string Describe(AuthenticateResult result, HttpContext call) =>
        $"{result.Succeeded} {result.None} user:{call.User.Identity?.IsAuthenticated} {string.Join(",", call.User.Claims.Select(c => c.Type + "=" + c.Value))} " +
        $"loop:{(call.Items[typeof(LoopRuntime)] as LoopRuntime)?.Id}";
}
