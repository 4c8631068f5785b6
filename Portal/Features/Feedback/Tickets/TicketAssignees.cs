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
        return await Query(db).OrderBy(a => a.Name).ToListAsync(ct);
    }

    /// <summary>Null when the id is not an account that may triage feedback.</summary>
    public static Task<Assignee?> FindAsync(PortalDbContext db, string userId, CancellationToken ct) =>
        Query(db).FirstOrDefaultAsync(a => a.Id == userId, ct);

    private static IQueryable<Assignee> Query(PortalDbContext db)
    {
        var roles = PortalPolicies.TriageFeedbackRoles.ToArray();
        return (from user in db.Users
         where db.UserRoles.Any(ur => ur.UserId == user.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!)))
         select new Assignee(user.Id, user.Email ?? user.UserName ?? user.Id)).Distinct();
    }
}
