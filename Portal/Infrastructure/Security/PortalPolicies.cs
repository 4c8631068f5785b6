using Microsoft.AspNetCore.Authorization;

namespace Portal.Infrastructure.Security;

/// <summary>Authorization policies of the portal; pages and endpoints name these, never roles directly.</summary>
public static class PortalPolicies
{
    /// <summary>Any signed-in person with a Portal role.</summary>
    public const string PortalUser = nameof(PortalUser);

    /// <summary>Changes what the system serves or learns: loop settings, action names, model reset.</summary>
    public const string ManageLoops = nameof(ManageLoops);

    /// <summary>End-user feedback: the triage board, ticket pages and their export.</summary>
    public const string TriageFeedback = nameof(TriageFeedback);

    /// <summary>Users, roles, loops and API keys.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>The roles that may triage feedback; tickets are assigned only to accounts holding one of them.</summary>
    public static IReadOnlyList<string> TriageFeedbackRoles { get; } = [PortalRoles.Admin, PortalRoles.ComplianceReviewer, PortalRoles.ProductOwner];

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PortalUser, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.All));
        options.AddPolicy(ManageLoops, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ProductOwner));
        options.AddPolicy(TriageFeedback, p => p.RequireAuthenticatedUser().RequireRole(TriageFeedbackRoles));
        options.AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin));
    }
}
