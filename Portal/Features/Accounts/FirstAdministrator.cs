using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Features.Audit;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accounts;

/// <summary>
/// On a start with no users: creates the roles and the first administrator, with the configured password or a
/// generated one printed once on the console. There is no public sign-up; everyone else is created by an admin.
/// </summary>
public sealed class FirstAdministrator(IServiceScopeFactory scopes, IOptions<AdminOptions> options, AuditTrail audit, ILogger<FirstAdministrator> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (users.Users.Any()) return;

        var email = options.Value.Email;
        var password = string.IsNullOrEmpty(options.Value.Password) ? PasswordGenerator.Generate() : options.Value.Password;
        var admin = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var created = await users.CreateAsync(admin, password);
            if (!created.Succeeded)
                throw new InvalidOperationException($"Could not create the first administrator {email}: {string.Join(" ", created.Errors.Select(e => e.Description))}");
            await users.AddToRoleAsync(admin, PortalRoles.Admin);
            await audit.AppendAsync(db, Actor.System, new AuditRecord("user.create", "user", admin.Id,
                After: AuditRecord.Json(new { email, roles = new[] { PortalRoles.Admin } }), Reason: "First start: no users yet."), cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        logger.LogInformation("Created the first administrator {Email}", email);
        if (string.IsNullOrEmpty(options.Value.Password))
        {
            Console.WriteLine($"""

                ==================================================================
                 First start: administrator account created
                   email:    {email}
                   password: {password}
                 This password is shown only once. Change it after logging in.
                ==================================================================

                """);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
