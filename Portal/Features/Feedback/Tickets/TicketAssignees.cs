using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Security;

namespace Portal.Features.Feedback.Tickets;

/// <summary>The people a ticket can be assigned to: accounts with a role that may triage feedback.</summary>
public sealed class TicketAssignees(IDbContextFactory<PortalDbContext> dbFactory)
{
    public sealed record Assignee(string Id, string Name);

    public async Task<IReadOnlyList<Assignee>> ListAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Triagers(db).OrderBy(u => u.Email)
            .Select(u => new Assignee(u.Id, u.Email ?? u.UserName ?? u.Id)).ToListAsync(ct);
    }

    /// <summary>Null when the id is not an account that may triage feedback.</summary>
    public static Task<Assignee?> FindAsync(PortalDbContext db, string userId, CancellationToken ct) =>
        Triagers(db).Where(u => u.Id == userId)
            .Select(u => new Assignee(u.Id, u.Email ?? u.UserName ?? u.Id)).FirstOrDefaultAsync(ct);

    private static IQueryable<ApplicationUser> Triagers(PortalDbContext db)
    {
        var roles = PortalPolicies.TriageFeedbackRoles.ToArray();
        return db.Users.Where(user => db.UserRoles.Any(ur => ur.UserId == user.Id
            && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));
    }
}
