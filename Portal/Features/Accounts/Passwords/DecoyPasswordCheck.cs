using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Features.Accounts.Passwords;

/// <summary>
/// Spends the time of one real password check (Identity's PBKDF2 with the configured iterations) when there is no real
/// hash to check against, so a login for an unknown, locked or unconfirmed account takes as long as a wrong password.
/// </summary>
public sealed class DecoyPasswordCheck(IOptions<PasswordHasherOptions> options)
{
    private static readonly ApplicationUser Nobody = new() { UserName = "decoy" };

    private readonly PasswordHasher<ApplicationUser> hasher = new(options);

    private readonly Lazy<string> decoyHash = new(() => new PasswordHasher<ApplicationUser>(options).HashPassword(Nobody, Guid.NewGuid().ToString("N")));

    public void Spend(string password) => hasher.VerifyHashedPassword(Nobody, decoyHash.Value, password);
}
