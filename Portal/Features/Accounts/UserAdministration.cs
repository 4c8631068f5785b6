using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accounts;

/// <summary>
/// What an administrator does to accounts. Every change renews the user's security stamp, so a demoted or locked
/// user loses access in open pages at the next revalidation (30 s) and on new requests within a minute. Each change
/// and its audit entry commit in one transaction; each operation runs in its own scope: no DbContext outlives it.
/// Every change needs <see cref="PortalPolicies.Administer"/>.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, AuditTrail audit, ActorAuthorization authorization, TimeProvider clock)
{
    public sealed record Result(string? Error, string? Password = null)
    {
        public bool Succeeded => Error is null;
    }

    public async Task<IReadOnlyList<UserSummary>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return users.Select(u => new UserSummary(
                u.Id, u.Email ?? u.UserName ?? u.Id,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(),
                u.LockoutEnd > now, u.LockoutEnd > now ? u.LockoutEnd : null))
            .ToList();
    }

    /// <summary>Creates an account with a generated password, returned once to show to the administrator.</summary>
    public async Task<Result> CreateAsync(string email, IReadOnlyCollection<string> roles, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Administer);
        if (InvalidRoles(roles) is { } roleError) return new Result(roleError);
        return await InTransactionAsync(async (users, db) =>
        {
            var user = new ApplicationUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
            var password = PasswordGenerator.Generate();
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return new Result(Describe(created));
            var added = await users.AddToRolesAsync(user, roles);
            if (!added.Succeeded) return new Result(Describe(added));
            await audit.AppendAsync(db, actor, new AuditRecord("user.create", "user", user.Id,
                After: AuditRecord.Json(new { email = user.Email, roles = roles.Order() })), ct);
            return new Result(null, password);
        }, ct);
    }

    public async Task<Result> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Administer);
        if (InvalidRoles(roles) is { } roleError) return new Result(roleError);
        if (userId == actor.UserId && !roles.Contains(PortalRoles.Admin))
            return new Result("You cannot remove the Admin role from your own account.");
        return await InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByIdAsync(userId) is not { } user) return new Result("No such user.");
            var current = await users.GetRolesAsync(user);
            var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
            if (!removed.Succeeded) return new Result(Describe(removed));
            var added = await users.AddToRolesAsync(user, roles.Except(current));
            if (!added.Succeeded) return new Result(Describe(added));
            await users.UpdateSecurityStampAsync(user);
            await audit.AppendAsync(db, actor, new AuditRecord("user.roles", "user", user.Id,
                Before: AuditRecord.Json(new { email = user.Email, roles = current.Order() }),
                After: AuditRecord.Json(new { email = user.Email, roles = roles.Order() })), ct);
            return new Result(null);
        }, ct);
    }

    public async Task<Result> SetLockedAsync(string userId, bool locked, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Administer);
        if (locked && userId == actor.UserId) return new Result("You cannot lock your own account.");
        return await InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByIdAsync(userId) is not { } user) return new Result("No such user.");
            var wasLocked = user.LockoutEnd > clock.GetUtcNow();
            await users.SetLockoutEnabledAsync(user, true);
            var changed = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
            if (!changed.Succeeded) return new Result(Describe(changed));
            if (!locked) await users.ResetAccessFailedCountAsync(user);
            await users.UpdateSecurityStampAsync(user);
            await audit.AppendAsync(db, actor, new AuditRecord(locked ? "user.lock" : "user.unlock", "user", user.Id,
                Before: AuditRecord.Json(new { email = user.Email, locked = wasLocked }),
                After: AuditRecord.Json(new { email = user.Email, locked })), ct);
            return new Result(null);
        }, ct);
    }

    /// <summary>Sets a new generated password, returned once; the user's sessions end.</summary>
    public async Task<Result> ResetPasswordAsync(string userId, Actor actor, CancellationToken ct)
    {
        await authorization.DemandAsync(actor, PortalPolicies.Administer);
        return await InTransactionAsync(async (users, db) =>
        {
            if (await users.FindByIdAsync(userId) is not { } user) return new Result("No such user.");
            var password = PasswordGenerator.Generate();
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded) return new Result(Describe(reset));
            await audit.AppendAsync(db, actor, new AuditRecord("user.password-reset", "user", user.Id,
                After: AuditRecord.Json(new { email = user.Email })), ct);
            return new Result(null, password);
        }, ct);
    }

    /// <summary>
    /// Runs an account change and its audit entry in one transaction on the scope's context (the one UserManager
    /// saves through); a failed change rolls back everything it did.
    /// </summary>
    private async Task<Result> InTransactionAsync(Func<UserManager<ApplicationUser>, PortalDbContext, Task<Result>> change, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await change(scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>(), db);
        if (!result.Succeeded) return result;
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return result;
    }

    private static string? InvalidRoles(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? "Choose at least one role."
        : roles.FirstOrDefault(r => !PortalRoles.All.Contains(r)) is { } unknown ? $"'{unknown}' is not a Portal role."
        : null;

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
