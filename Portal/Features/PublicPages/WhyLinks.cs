using Portal.Infrastructure.Security;
using Microsoft.Extensions.Options;
using Portal.Features.Decisions;

namespace Portal.Features.PublicPages;

/// <summary>
/// The "Why this suggestion?" link of a decision: <c>{base}/why/{token}</c>, the token signed and expiring after
/// <see cref="PublicPagesOptions.WhyLinkLifetime"/> (see <see cref="DecisionLinkTokens"/>). The feedback form takes the
/// same token (<c>/feedback?d={token}</c>).
/// </summary>
public sealed class WhyLinks(DecisionLinkTokens tokens, IOptions<PublicPagesOptions> options, TimeProvider clock) : IDecisionLinks
{
    public const string PathPrefix = "/why/";

    private readonly string? configuredBase = string.IsNullOrEmpty(options.Value.BaseUrl) ? null : options.Value.BaseUrl.TrimEnd('/');

    public string TokenFor(string loopId, string eventId) =>
        tokens.Create(loopId, eventId, clock.GetUtcNow() + options.Value.WhyLinkLifetime);

    /// <summary>The absolute link, on the configured base address or else the request's own.</summary>
    public string UrlFor(HttpRequest request, string loopId, string eventId)
    {
        var token = TokenFor(loopId, eventId);
        return configuredBase is not null
            ? string.Concat(configuredBase, PathPrefix, token)
            : string.Concat(request.Scheme, "://", request.Host.Value, request.PathBase.Value, PathPrefix, token);
    }
}
