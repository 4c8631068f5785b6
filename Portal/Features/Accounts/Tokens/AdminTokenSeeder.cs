using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accounts.Tokens;

/// <summary>
/// For automation: when <c>Portal:Admin:ApiToken</c> is set, the first administrator holds that token (created once;
/// a token already stored is left alone, a revoked one stays revoked).
/// </summary>
public sealed class AdminTokenSeeder(IOptions<AdminOptions> options, IServiceScopeFactory scopes, IDbContextFactory<PortalDbContext> dbFactory, ApiTokenService tokens)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ApiToken is not { Length: > 0 } token) return;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var hash = ApiTokenSecrets.Hash(token);
            if (await db.ApiTokens.AnyAsync(t => t.TokenHash == hash, cancellationToken)) return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var admin = await users.FindByEmailAsync(options.Value.Email)
                    ?? throw new InvalidOperationException($"Portal:Admin:ApiToken is set but the administrator {options.Value.Email} does not exist.");
        var created = await tokens.CreateAsync(new Actor(admin.Id, admin.Email ?? options.Value.Email), "Seeded from Portal:Admin:ApiToken", cancellationToken, token);
        if (created.Error is not null) throw new InvalidOperationException($"Could not seed Portal:Admin:ApiToken: {created.Error}");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
