using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Portal.Infrastructure.Errors;

namespace Portal.Features.Loops;

/// <summary>
/// Authenticates Decision API calls by the <c>Ocp-Apim-Subscription-Key</c> header, as Personalizer does.
/// A key in the query string is ignored. Failures get one constant 401 body, whatever the reason.
/// </summary>
public sealed class LoopKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    LoopDirectory loops) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LoopKey";
    public const string HeaderName = "Ocp-Apim-Subscription-Key";
    public const string LoopClaim = "portal:loop";

    public const string DeniedMessage =
        "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active loop.";

    private static readonly byte[] DeniedBody =
        JsonSerializer.SerializeToUtf8Bytes(new ApiError(ApiErrorCodes.Unauthorized, DeniedMessage), ApiJsonContext.Default.ApiError);

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() => Task.FromResult(Authenticate(Context, loops));

    /// <summary>The caller of a request by its key: the loop it opens (also kept in the request's items for <see cref="LoopClient.Loop"/>).</summary>
    public static AuthenticateResult Authenticate(HttpContext http, LoopDirectory loops)
    {
        var key = http.Request.Headers[HeaderName].ToString();
        if (key.Length is 0 or > ApiKeys.MaxLength) return AuthenticateResult.NoResult();
        var loop = loops.FindByKey(key);
        if (loop is null) return AuthenticateResult.Fail("Unknown key");

        http.Items[typeof(LoopRuntime)] = loop;
        var identity = new ClaimsIdentity([new Claim(LoopClaim, loop.Id)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.ContentType = "application/json; charset=utf-8";
        await Response.Body.WriteAsync(DeniedBody);
    }
}
