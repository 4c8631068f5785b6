using System.Reflection;
using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Infrastructure.Security;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// A bunit context for Portal components: loose JS interop, MudBlazor services, a signed-in user with the given
/// role (and the policies that role satisfies), and the real feature services of a test app as fallback.
/// Create it when the test class is constructed; a test that needs a particular person calls <see cref="SignInAs"/>
/// before it renders.
/// </summary>
public static class ComponentTestContext
{
    public static BunitContext Create(PortalAppFactory app, string? role = null)
    {
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices(options =>
        {
            options.PopoverOptions.CheckForPopoverProvider = false;
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        var authorization = context.AddAuthorization();
        context.Services.AddSingleton(authorization);
        if (role is not null) SignIn(authorization, role);
        // Pages ask the app's own judge, the one its services ask: the real policies over the fake user's roles.
        context.Services.AddSingleton(app.Services.GetRequiredService<ActorAuthorization>());
        context.Services.AddScoped<PageAuthorization>();
        context.Services.AddFallbackServiceProvider(app.Services);
        return context;
    }

    /// <summary>Signs in a person with this role (and the policies it satisfies), before the test renders.</summary>
    public static BunitContext SignInAs(this BunitContext context, string role)
    {
        SignIn(context.Services.GetRequiredService<BunitAuthorizationContext>(), role);
        return context;
    }

    private static void SignIn(BunitAuthorizationContext authorization, string role)
    {
        authorization.SetAuthorized($"{role.ToLowerInvariant()}@test.local");
        authorization.SetRoles(role);
        authorization.SetPolicies(PoliciesOf(role));
        // Pages name the person in the audit log by this claim (see Actor.From).
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, $"{role.ToLowerInvariant()}-id"));
    }

    /// <summary>Renders the providers that dialogs, menus and snackbars attach to; returns the dialog provider.</summary>
    public static IRenderedComponent<MudDialogProvider> RenderProviders(this BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        context.Render<MudSnackbarProvider>();
        return context.Render<MudDialogProvider>();
    }

    /// <summary>The policies a signed-in person with this role satisfies, read from <see cref="PortalPolicies.Add"/>.</summary>
    private static string[] PoliciesOf(string role) => PolicyRoles.Value
        .Where(policy => policy.Value.Contains(role)).Select(policy => policy.Key).ToArray();

    /// <summary>Every policy constant of <see cref="PortalPolicies"/> → the roles it admits.</summary>
    private static readonly Lazy<Dictionary<string, string[]>> PolicyRoles = new(() =>
    {
        var options = new AuthorizationOptions();
        PortalPolicies.Add(options);
        return typeof(PortalPolicies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
            .Select(field => (string)field.GetValue(null)!)
            .ToDictionary(name => name, name => RolesOf(name, options.GetPolicy(name)
                ?? throw new InvalidOperationException($"PortalPolicies.{name} is declared but PortalPolicies.Add does not register it.")));
    });

    private static string[] RolesOf(string name, AuthorizationPolicy policy)
    {
        IEnumerable<string> roles = PortalRoles.All;
        foreach (var requirement in policy.Requirements)
        {
            roles = requirement switch
            {
                DenyAnonymousAuthorizationRequirement => roles,
                RolesAuthorizationRequirement allowed => roles.Intersect(allowed.AllowedRoles),
                _ => throw new NotSupportedException(
                    $"Policy {name} has a {requirement.GetType().Name}; teach ComponentTestContext which roles satisfy it."),
            };
        }
        return roles.ToArray();
    }
}
