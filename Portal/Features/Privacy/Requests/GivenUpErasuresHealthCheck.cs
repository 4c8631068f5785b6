using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Portal.Features.Privacy.Requests;

/// <summary>
/// Degraded while an erasure has been given up after failing too often: the person's data is still held until an
/// administrator mends the cause and runs it again (page or API). Monitoring sees it on <c>/health/ready</c> without
/// anyone opening the portal; the node still serves (Degraded answers 200).
/// </summary>
public sealed class GivenUpErasuresHealthCheck(PendingErasures pending) : IHealthCheck
{
    public const string Name = "erasures";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        int givenUp;
        try
        {
            givenUp = await pending.GivenUpCountAsync(cancellationToken);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // The database check reports the database itself; here only what could not be counted.
            return HealthCheckResult.Degraded("Given-up erasures could not be counted: " + error.Message);
        }
        var data = new Dictionary<string, object> { ["givenUp"] = (long)givenUp };
        return givenUp == 0
            ? HealthCheckResult.Healthy(data: data)
            : HealthCheckResult.Degraded(
                $"{givenUp} erasure{(givenUp == 1 ? " was" : "s were")} given up after {BackgroundErasures.MaxRuns} failed runs: " +
                "mend the cause, then run again on the data-subject requests page or by the API.", data: data);
    }
}
