using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Configuration;

namespace Portal.Features.Accounts.Sessions;

public static class SessionsRegistration
{
    /// <summary>
    /// The portal login cookie (idle and absolute lifetime, <c>__Host-</c>, Secure, SameSite=Strict), Identity's other
    /// cookies and the antiforgery cookie with the same flags. Strict does not break the login: the form posts to Portal
    /// itself and redirects within it. It only means that a link into the portal from another site (an email, a chat)
    /// arrives without the cookie and shows the login page once. There are no external login providers, whose
    /// cross-site callbacks would need Lax.
    /// </summary>
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SessionOptions>(SessionOptions.Section);
        var secure = !builder.Environment.IsDevelopment();
        var services = builder.Services;
        services.AddSingleton<SessionLifetimeEvents>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<SessionOptions>, TimeProvider>((cookie, sessions, clock) =>
            {
                HardenedCookie.Apply(cookie.Cookie, "Portal.Session", secure);
                cookie.ExpireTimeSpan = sessions.Value.IdleTimeout;
                cookie.SlidingExpiration = true;
                cookie.TimeProvider = clock;
                cookie.EventsType = typeof(SessionLifetimeEvents);
            });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => HardenedCookie.Apply(o.Cookie, "Portal.External", secure));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => HardenedCookie.Apply(o.Cookie, "Portal.TwoFactor", secure));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => HardenedCookie.Apply(o.Cookie, "Portal.TwoFactorRemember", secure));
        services.Configure<AntiforgeryOptions>(o =>
        {
            HardenedCookie.Apply(o.Cookie, "Portal.Antiforgery", secure);
            // The security headers send "X-Frame-Options: DENY" on every answer.
            o.SuppressXFrameOptionsHeader = true;
        });
        return builder;
    }
}
