using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Portal.Tests.TestInfrastructure;

/// <summary>
/// Every Content-Security-Policy violation that a browser page of the tests reports, from two sources: the page's
/// <c>securitypolicyviolation</c> events (relayed through the console by an init script) and chromium's own
/// "Refused to …" console errors. Browser tests run one at a time in their collection, so one list serves them all.
/// </summary>
public static class CspViolations
{
    private const string Marker = "CSP violation:";

    private const string ListenerScript =
        "document.addEventListener('securitypolicyviolation', e => console.error('" + Marker + " ' + e.effectiveDirective + " +
        "' blocked ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI + (e.sample ? ' (' + e.sample + ')' : '')));";

    private static readonly ConcurrentQueue<string> Recorded = new();

    public static async Task WatchAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(ListenerScript);
        context.Console += (_, message) =>
        {
            if (message.Text.Contains(Marker, StringComparison.Ordinal) || message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                Recorded.Enqueue(message.Text);
        };
    }

    /// <summary>The violations recorded since the last call, which are forgotten.</summary>
    public static IReadOnlyList<string> Take()
    {
        var taken = new List<string>();
        while (Recorded.TryDequeue(out var violation)) taken.Add(violation);
        return taken;
    }
}
