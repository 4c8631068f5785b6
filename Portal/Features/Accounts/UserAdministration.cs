using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Portal.Data;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accounts;

/// <summary>
/// What an administrator does to accounts. Every change renews the user's security stamp, so a demoted or locked
/// user loses access in open pages at the next revalidation (30 s) and on new requests within a minute.
/// Each operation runs in its own scope: no DbContext outlives it.
/// </summary>
public sealed class UserAdministration(IServiceScopeFactory scopes, TimeProvider clock)
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
    public async Task<Result> CreateAsync(string email, IReadOnlyCollection<string> roles, CancellationToken ct)
    {
        if (InvalidRoles(roles) is { } roleError) return new Result(roleError);
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        var user = new ApplicationUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var password = PasswordGenerator.Generate();
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return new Result(Describe(created));
        var added = await users.AddToRolesAsync(user, roles);
        return added.Succeeded ? new Result(null, password) : new Result(Describe(added));
    }

    public async Task<Result> SetRolesAsync(string userId, IReadOnlyCollection<string> roles, string actorId, CancellationToken ct)
    {
        if (InvalidRoles(roles) is { } roleError) return new Result(roleError);
        if (userId == actorId && !roles.Contains(PortalRoles.Admin))
            return new Result("You cannot remove the Admin role from your own account.");
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        if (await users.FindByIdAsync(userId) is not { } user) return new Result("No such user.");
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current.Except(roles));
        if (!removed.Succeeded) return new Result(Describe(removed));
        var added = await users.AddToRolesAsync(user, roles.Except(current));
        if (!added.Succeeded) return new Result(Describe(added));
        await users.UpdateSecurityStampAsync(user);
        return new Result(null);
    }

    public async Task<Result> SetLockedAsync(string userId, bool locked, string actorId, CancellationToken ct)
    {
        if (locked && userId == actorId) return new Result("You cannot lock your own account.");
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        if (await users.FindByIdAsync(userId) is not { } user) return new Result("No such user.");
        await users.SetLockoutEnabledAsync(user, true);
        var changed = await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!changed.Succeeded) return new Result(Describe(changed));
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        await users.UpdateSecurityStampAsync(user);
        return new Result(null);
    }

    /// <summary>Sets a new generated password, returned once; the user's sessions end.</summary>
    public async Task<Result> ResetPasswordAsync(string userId, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = Users(scope);
        if (await users.FindByIdAsync(userId) is not { } user) return new Result("No such user.");
        var password = PasswordGenerator.Generate();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var reset = await users.ResetPasswordAsync(user, token, password);
        return reset.Succeeded ? new Result(null, password) : new Result(Describe(reset));
    }

    private static UserManager<ApplicationUser> Users(AsyncServiceScope scope) =>
        scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();

    private static string? InvalidRoles(IReadOnlyCollection<string> roles) =>
        roles.Count == 0 ? "Choose at least one role."
        : roles.FirstOrDefault(r => !PortalRoles.All.Contains(r)) is { } unknown ? $"'{unknown}' is not a Portal role."
        : null;

    private static string Describe(IdentityResult result) => string.Join(" ", result.Errors.Select(e => e.Description));
}
