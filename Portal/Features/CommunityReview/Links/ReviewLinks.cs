using Microsoft.Extensions.Options;
using Portal.Features.PublicPages;

namespace Portal.Features.CommunityReview.Links;

/// <summary>A reviewer's address, <c>{base}/review/{token}</c>, on the public base address when one is configured.</summary>
public sealed class ReviewLinks(IOptions<PublicPagesOptions> options)
{
    public const string PathPrefix = "/review/";

    public string UrlFor(string token, string pageBaseUri)
    {
        var configured = options.Value.BaseUrl;
        var root = string.IsNullOrEmpty(configured) ? pageBaseUri : configured;
        return root.TrimEnd('/') + PathPrefix + token;
    }
}
