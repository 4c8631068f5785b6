using Microsoft.AspNetCore.HttpsPolicy;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Configuration;

namespace Portal.Infrastructure.Security.Headers;

public static class SecurityHeadersRegistration
{
    /// <summary>HSTS from <see cref="SecurityHeadersOptions"/>; the other headers are fixed (see <see cref="SecurityHeaders"/>).</summary>
    public static IHostApplicationBuilder AddSecurityHeaders(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<SecurityHeadersOptions>(SecurityHeadersOptions.Section);
        // The framework's HSTS answers only HTTPS requests and leaves out loopback hosts (localhost, 127.0.0.1, [::1]).
        builder.Services.AddOptions<HstsOptions>().Configure<IOptions<SecurityHeadersOptions>>((hsts, settings) =>
        {
            hsts.MaxAge = settings.Value.HstsMaxAge;
            hsts.IncludeSubDomains = settings.Value.HstsIncludeSubDomains;
        });
        return builder;
    }
}
