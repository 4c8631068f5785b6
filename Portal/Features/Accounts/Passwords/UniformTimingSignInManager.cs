using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Data;

namespace Portal.Features.Accounts.Passwords;

/// <summary>
/// Identity's sign-in, except that a login never answers faster for an account that does not exist (or is locked, or
/// unconfirmed) than for a wrong password: the framework skips the password hash in those cases, and the time saved
/// tells an attacker which addresses have accounts. The answer itself is already the same ("Invalid login attempt").
/// </summary>
public sealed class UniformTimingSignInManager(
    UserManager<ApplicationUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ApplicationUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ApplicationUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ApplicationUser> confirmation,
    DecoyPasswordCheck decoy)
    : SignInManager<ApplicationUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            decoy.Spend(password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>A locked or unconfirmed account is refused before its password is checked: spend that time anyway.</summary>
    protected override async Task<SignInResult?> PreSignInCheck(ApplicationUser user)
    {
        var refusal = await base.PreSignInCheck(user);
        if (refusal is not null) decoy.Spend("");
        return refusal;
    }
}
