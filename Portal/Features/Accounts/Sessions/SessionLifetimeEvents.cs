using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Portal.Features.Accounts.Sessions;

/// <summary>
/// The absolute lifetime of a portal login. The cookie's own expiry is sliding (the idle timeout), and its issue time
/// moves with every renewal, so the moment of the login is stamped into the ticket once, at sign-in, and a ticket older
/// than <see cref="SessionOptions.AbsoluteLifetime"/> is refused. Then the security stamp is checked as Identity does.
/// Both use the cookie handler's clock, the one that judges the idle timeout.
/// </summary>
public sealed class SessionLifetimeEvents(IOptions<SessionOptions> options) : CookieAuthenticationEvents
{
    public const string StartedKey = ".portal.session-started";

    public override Task SigningIn(CookieSigningInContext context)
    {
        // A refresh (a role or password change) signs in again with the same properties: the login's start stays.
        if (!context.Properties.Items.ContainsKey(StartedKey))
            context.Properties.Items[StartedKey] = Now(context.Options).ToString("O", CultureInfo.InvariantCulture);
        return base.SigningIn(context);
    }

    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (!IsWithinLifetime(context.Properties, Now(context.Options)))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(context.Scheme.Name);
            return;
        }
        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    /// <summary>A ticket without the stamp (issued before it existed) cannot prove its age and is refused.</summary>
    public bool IsWithinLifetime(AuthenticationProperties properties, DateTimeOffset now) =>
        properties.Items.TryGetValue(StartedKey, out var started)
        && DateTimeOffset.TryParseExact(started, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
        && now - at < options.Value.AbsoluteLifetime;

    private static DateTimeOffset Now(CookieAuthenticationOptions cookie) => (cookie.TimeProvider ?? TimeProvider.System).GetUtcNow();
}
