using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Portal.Data;
using Portal.Infrastructure.Errors;
using Portal.Infrastructure.Security;

namespace Portal.Features.Accounts.Tokens;

/// <summary>
/// Authenticates the oversight API by <c>Authorization: Bearer &lt;token&gt;</c>. The token acts with its owner's roles
/// as they are now: a demoted or locked person's tokens lose those rights at once. Failures answer in the API's error
/// shape: 401 for a missing or unknown token, 403 for a role that does not allow the call.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IDbContextFactory<PortalDbContext> dbFactory,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = TokenApiRoutes.SchemeName;
    private static readonly TimeSpan LastUseResolution = TimeSpan.FromMinutes(1);

    private static readonly byte[] UnauthorizedBody = JsonSerializer.SerializeToUtf8Bytes(new ApiError("Unauthorized",
        "A valid personal API token is required: send it as 'Authorization: Bearer <token>'. Create one on your account's API tokens page."),
        ApiJsonContext.Default.ApiError);

    private static readonly byte[] ForbiddenBody = JsonSerializer.SerializeToUtf8Bytes(new ApiError(ApiErrorCodes.Forbidden,
        "Your roles do not allow this operation."), ApiJsonContext.Default.ApiError);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is < ApiTokenSecrets.MinLength or > ApiTokenSecrets.MaxLength) return AuthenticateResult.Fail("Malformed token");

        var hash = ApiTokenSecrets.Hash(token);
        var now = clock.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(Context.RequestAborted);
        var found = await db.ApiTokens.Where(t => t.TokenHash == hash && t.RevokedAt == null)
            .Join(db.Users, t => t.UserId, u => u.Id, (t, u) => new { Token = t, User = u })
            .FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || found.User.LockoutEnd > now) return AuthenticateResult.Fail("Unknown, revoked or locked token");

        var roles = await db.UserRoles.Where(r => r.UserId == found.User.Id)
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(Context.RequestAborted);
        if (found.Token.LastUsedAt is null || now - found.Token.LastUsedAt > LastUseResolution)
        {
            await db.ApiTokens.Where(t => t.Id == found.Token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        }

        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, found.User.Id),
            new(ClaimTypes.Name, found.User.Email ?? found.User.UserName ?? found.User.Id),
        };
        claims.AddRange(roles.Select(role => new Claim(ClaimTypes.Role, role)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) => WriteAsync(StatusCodes.Status401Unauthorized, UnauthorizedBody);

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) => WriteAsync(StatusCodes.Status403Forbidden, ForbiddenBody);

    private async Task WriteAsync(int status, byte[] body)
    {
        Response.StatusCode = status;
        Response.ContentType = "application/json; charset=utf-8";
        await Response.Body.WriteAsync(body);
    }
}
