namespace Portal.Infrastructure.Security;

public static class PortalRoles
{
    public const string Admin = "Admin";
    public const string ProductOwner = "ProductOwner";
    public const string ComplianceReviewer = "ComplianceReviewer";

    public static IReadOnlyList<string> All { get; } = [Admin, ProductOwner, ComplianceReviewer];
}
