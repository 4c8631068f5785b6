using Microsoft.AspNetCore.Authorization;

namespace Portal.Infrastructure.Security;

/// <summary>Authorization policies of the portal; pages and endpoints name these, never roles directly.</summary>
public static class PortalPolicies
{
    /// <summary>Any signed-in person with a Portal role.</summary>
    public const string PortalUser = nameof(PortalUser);

    /// <summary>Changes what the system serves or learns: loop settings, action names, model reset.</summary>
    public const string ManageLoops = nameof(ManageLoops);

    /// <summary>Users, roles, loops and API keys; whether a loop's rules need four eyes.</summary>
    public const string Administer = nameof(Administer);

    /// <summary>Steers what is served: kill switches, modes, write and revoke override rules (and freezes).</summary>
    public const string Oversee = nameof(Oversee);

    /// <summary>
    /// The safety stop: freeze (and unfreeze) an action. Compliance reviewers hold it too, so that what end users report as
    /// offensive or unfair can be taken out at once from the ticket, without waiting for a product owner.
    /// </summary>
    public const string FreezeActions = nameof(FreezeActions);

    /// <summary>The second pair of eyes: approves or rejects override rules.</summary>
    public const string ApproveRules = nameof(ApproveRules);

    /// <summary>Reads, verifies and exports the audit log.</summary>
    public const string ReadAudit = nameof(ReadAudit);

    /// <summary>End-user feedback: the triage board, ticket pages and their export.</summary>
    public const string TriageFeedback = nameof(TriageFeedback);

    /// <summary>The roles that may triage feedback; tickets are assigned only to accounts holding one of them.</summary>
    public static IReadOnlyList<string> TriageFeedbackRoles { get; } = [PortalRoles.Admin, PortalRoles.ComplianceReviewer, PortalRoles.ProductOwner];
    /// <summary>Marks context features audit-only and names features for end users (un-marking needs <see cref="ApproveRules"/>).</summary>
    public const string ManageFeatures = nameof(ManageFeatures);

    /// <summary>Signs off a loop's compliance report for a period.</summary>
    public const string SignOffReports = nameof(SignOffReports);

    /// <summary>Data-subject requests: finds, exports or erases everything held about one user id.</summary>
    public const string HandleDataSubjectRequests = nameof(HandleDataSubjectRequests);

    /// <summary>
    /// Reads the raw decision log and exports it (DSJSON, CSV): every Portal role, as the live stream and the decision
    /// pages already show each decision's context to all of them. Named apart so it can be narrowed in one place.
    /// </summary>
    public const string ReadDecisionLog = nameof(ReadDecisionLog);

    /// <summary>Records a loop's accountable owner and purpose, and publishes its data-handling statement.</summary>
    public const string ManageAccountability = nameof(ManageAccountability);

    /// <summary>Records and withdraws a loop's go-live review (until one is recorded, a new loop serves only the baseline).</summary>
    public const string ReviewGoLive = nameof(ReviewGoLive);

    /// <summary>Creates community review panels, invites their reviewers and revokes their links.</summary>
    public const string ManageReviewPanels = nameof(ManageReviewPanels);

    /// <summary>Reads the comments end users leave with "Was this explanation clear?" (their own words: reviewers only).</summary>
    public const string ReadComprehensionComments = nameof(ReadComprehensionComments);

    /// <summary>What a policy allows, in words for a refusal ("… is not allowed to …").</summary>
    public static string Describe(string policy) => policy switch
    {
        PortalUser => "use the portal",
        ManageLoops => "change what a loop serves or learns",
        Administer => "administer users, roles, loops and keys",
        Oversee => "steer what is served (kill switches, modes, override rules)",
        FreezeActions => "freeze or unfreeze actions",
        ApproveRules => "review override rules or take features back into the model",
        ReadAudit => "read or export the audit log",
        TriageFeedback => "triage feedback",
        ManageFeatures => "mark features or name them",
        SignOffReports => "sign off compliance reports",
        HandleDataSubjectRequests => "find, export or erase what is held about a person",
        ReadDecisionLog => "read or export the decision log",
        ManageAccountability => "record a loop's owner or publish its data-handling statement",
        ReviewGoLive => "record or withdraw a loop's go-live review",
        ManageReviewPanels => "create review panels or invite and revoke their reviewers",
        ReadComprehensionComments => "read end users' comments on the explanations",
        _ => policy,
    };

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(PortalUser, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.All));
        options.AddPolicy(ManageLoops, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ProductOwner));
        options.AddPolicy(TriageFeedback, p => p.RequireAuthenticatedUser().RequireRole(TriageFeedbackRoles));
        options.AddPolicy(Administer, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin));
        options.AddPolicy(Oversee, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ProductOwner));
        options.AddPolicy(FreezeActions, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ProductOwner, PortalRoles.ComplianceReviewer));
        options.AddPolicy(ApproveRules, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ComplianceReviewer));
        options.AddPolicy(ReadAudit, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ComplianceReviewer));
        options.AddPolicy(ManageFeatures, p => p.RequireAuthenticatedUser()
            .RequireRole(PortalRoles.Admin, PortalRoles.ProductOwner, PortalRoles.ComplianceReviewer));
        options.AddPolicy(SignOffReports, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ComplianceReviewer));
        options.AddPolicy(HandleDataSubjectRequests, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin));
        options.AddPolicy(ManageAccountability, p => p.RequireAuthenticatedUser()
            .RequireRole(PortalRoles.Admin, PortalRoles.ProductOwner, PortalRoles.ComplianceReviewer));
        options.AddPolicy(ReviewGoLive, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ComplianceReviewer));
        options.AddPolicy(ManageReviewPanels, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ComplianceReviewer));
        options.AddPolicy(ReadComprehensionComments, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.Admin, PortalRoles.ComplianceReviewer));
        options.AddPolicy(ReadDecisionLog, p => p.RequireAuthenticatedUser().RequireRole(PortalRoles.All));
    }
}
