using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Portal.Infrastructure.Security;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// A bunit context for Portal components: loose JS interop, MudBlazor services, a signed-in user with the given
/// role (and the policies that role satisfies), and the real feature services of a test app as fallback.
/// </summary>
public static class ComponentTestContext
{
    public static BunitContext Create(PortalAppFactory app, string? role)
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
        if (role is not null)
        {
            authorization.SetAuthorized($"{role.ToLowerInvariant()}@test.local");
            authorization.SetRoles(role);
            authorization.SetPolicies(PoliciesOf(role));
            // Pages name the person in the audit log by this claim (see Actor.From).
            authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, $"{role.ToLowerInvariant()}-id"));
        }
        // Pages ask the app's own judge, the one its services ask: the real policies over the fake user's roles.
        context.Services.AddSingleton(app.Services.GetRequiredService<ActorAuthorization>());
        context.Services.AddScoped<PageAuthorization>();
        context.Services.AddFallbackServiceProvider(app.Services);
        return context;
    }

    /// <summary>Renders the providers that dialogs, menus and snackbars attach to; returns the dialog provider.</summary>
    public static IRenderedComponent<MudDialogProvider> RenderProviders(this BunitContext context)
    {
        context.Render<MudPopoverProvider>();
        context.Render<MudSnackbarProvider>();
        return context.Render<MudDialogProvider>();
    }

    private static string[] PoliciesOf(string role) => role switch
    {
        PortalRoles.Admin => [PortalPolicies.PortalUser, PortalPolicies.ManageLoops, PortalPolicies.Administer, PortalPolicies.Oversee, PortalPolicies.FreezeActions,
            PortalPolicies.ApproveRules, PortalPolicies.ReadAudit, PortalPolicies.TriageFeedback, PortalPolicies.ManageFeatures, PortalPolicies.SignOffReports],
        PortalRoles.ProductOwner => [PortalPolicies.PortalUser, PortalPolicies.ManageLoops, PortalPolicies.Oversee, PortalPolicies.FreezeActions, PortalPolicies.TriageFeedback,
            PortalPolicies.ManageFeatures],
        PortalRoles.ComplianceReviewer => [PortalPolicies.PortalUser, PortalPolicies.FreezeActions, PortalPolicies.ApproveRules, PortalPolicies.ReadAudit,
            PortalPolicies.TriageFeedback, PortalPolicies.ManageFeatures, PortalPolicies.SignOffReports],
        _ => [],
    };
}
