using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Portal.Components.Account;
using Portal.Data;
using Portal.Features.Accounts.Passwords;
using Portal.Features.Accounts.Sessions;
using Portal.Features.Accounts.Tokens;
using Portal.Infrastructure.Configuration;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accounts;

public static class AccountsRegistration
{
    public const int MinPasswordLength = 12;

    /// <summary>Identity with roles, lockout and strong hashing; the first administrator; user administration.</summary>
    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.AddSessions();
        services.AddAuthorization(PortalPolicies.Add);

        services.AddIdentityCore<ApplicationUser>(ConfigureIdentity)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager<UniformTimingSignInManager>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddDefaultTokenProviders();
        services.AddSingleton(CommonPasswordList.LoadShipped());
        services.AddSingleton<DecoyPasswordCheck>();
        // OWASP's 2023 figure for PBKDF2-HMAC-SHA256 (the template's default is 100,000).
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        // A role change or lock takes effect on the next request within a minute, and in open pages via revalidation.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddSingleton<UserAdministration>();
        services.AddSingleton<ActorAuthorization>();
        services.AddScoped<PageAuthorization>();
        services.AddHostedService<FirstAdministrator>();
        services.AddSingleton<ApiTokenService>();
        services.AddHostedService<AdminTokenSeeder>();
        services.AddHostedService<StartupBanner>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        return builder;
    }

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.SignIn.RequireConfirmedAccount = true;
        options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
        options.User.RequireUniqueEmail = true;
        // Length over composition (NIST SP 800-63B).
        options.Password.RequiredLength = MinPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 1;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
    }
}
