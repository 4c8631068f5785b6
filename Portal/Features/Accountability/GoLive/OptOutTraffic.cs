using System.Globalization;

namespace Portal.Features.Accountability.GoLive;

/// <summary>
/// What the loop's own traffic shows about its opt-out wiring, for the go-live reviewer who attests it: of its latest
/// decisions, how many carried the application's user id (so an opt-out made by id is honoured) and how many were
/// served opted out (the application's flag, Global Privacy Control or the registry). Evidence beside the attestation,
/// not a gate: an application may honour opt-out by its flag alone.
/// </summary>
public sealed record OptOutTraffic(int Decisions, int WithUserId, int OptedOut)
{
    /// <summary>How many of the latest decisions are read.</summary>
    public const int Window = 1_000;

    /// <summary>Traffic without a user id or an opt-out anywhere: the reviewer should look again at the application.</summary>
    public bool ShowsNoWiring => Decisions > 0 && WithUserId == 0 && OptedOut == 0;

    public string Summary => Decisions == 0
        ? "No decisions logged yet: nothing in the traffic to check; attest from the application's code."
        : $"Of the loop's latest {Count(Decisions, "decision")}, {Count(WithUserId)} carried a user id and {Count(OptedOut)} {(OptedOut == 1 ? "was" : "were")} served opted out.";

    /// <summary>What the reviewer should do about traffic that <see cref="ShowsNoWiring"/>; null otherwise.</summary>
    public string? Warning => ShowsNoWiring ? "None carried a user id or an opt-out: check that the application sends them before you attest." : null;

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Count(int n, string noun) => n == 1 ? noun : $"{Count(n)} {noun}s";
}

/// <summary>
/// Reads <see cref="OptOutTraffic"/> from a loop's decision log. Implemented by the Privacy feature, which knows where a
/// context carries the user id; the go-live review only shows and audits what it reads.
/// </summary>
public interface IOptOutTraffic
{
    Task<OptOutTraffic> OfAsync(string loopId, CancellationToken ct);
}
