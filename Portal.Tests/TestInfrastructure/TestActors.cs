using System.Security.Claims;
using Portal.Infrastructure.Security;

namespace Portal.Tests.TestInfrastructure;

/// <summary>People for service tests: an actor signed in with the given roles, judged by the real policies.</summary>
public static class TestActors
{
    /// <param name="userId">The account id (null: a principal without one, named only).</param>
    public static Actor Person(string? userId, string name, params string[] roles)
    {
        List<Claim> claims = [new(ClaimTypes.Name, name), .. roles.Select(role => new Claim(ClaimTypes.Role, role))];
        if (userId is not null) claims.Add(new Claim(ClaimTypes.NameIdentifier, userId));
        return Actor.From(new ClaimsPrincipal(new ClaimsIdentity(claims, "Test")));
    }

    public static Actor Admin(string userId = "admin-id", string name = "admin@test.local") => Person(userId, name, PortalRoles.Admin);
}
