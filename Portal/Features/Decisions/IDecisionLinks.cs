namespace Portal.Features.Decisions;

/// <summary>
/// The public page Rank links every decision to (<c>whyUrl</c>). The public pages provide it; Rank only asks, so the
/// decision API needs to know nothing of how those pages sign or serve their links.
/// </summary>
public interface IDecisionLinks
{
    string UrlFor(HttpRequest request, string loopId, string eventId);
}
