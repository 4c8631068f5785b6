namespace Portal.Features.Loops;

/// <summary>Addresses of a loop's page and of its tabs, for links from other pages.</summary>
public static class LoopPageLinks
{
    public const string AccountabilityTab = "accountability";

    public static string Page(string loopId) => "/loops/" + Uri.EscapeDataString(loopId);

    /// <summary>The loop page opened on its Accountability tab (owner, statement, go-live review).</summary>
    public static string Accountability(string loopId) => $"{Page(loopId)}?tab={AccountabilityTab}";
}
