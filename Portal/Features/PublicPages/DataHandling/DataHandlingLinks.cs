namespace Portal.Features.PublicPages.DataHandling;

/// <summary>The address of a loop's public data-handling page.</summary>
public static class DataHandlingLinks
{
    public const string PathPrefix = "/data-handling/";

    public static string For(string loopId) => PathPrefix + Uri.EscapeDataString(loopId);
}
