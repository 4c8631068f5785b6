using System.Collections.Concurrent;

namespace Portal.Benchmarks.Service;

/// <summary>
/// Concurrent Rank clients at full speed, each with its own eventIds (<c>{prefix}-{client}-{n}</c>). Records every
/// acknowledged (201) eventId; a request cut off by the server's death is not acknowledged and is only counted.
/// </summary>
public sealed class RankFlood(PortalClient client, string prefix, int clients)
{
    public ConcurrentBag<string> Acknowledged { get; } = [];

    public long Refused => refused;

    public long CutOff => cutOff;

    private long refused;
    private long cutOff;

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, stop), CancellationToken.None)));

    private async Task ClientAsync(int clientId, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var eventId = $"{prefix}-{clientId}-{n}";
            try
            {
                var reply = await client.RankAsync(eventId, n, stop);
                if (reply.Status == 201) Acknowledged.Add(eventId);
                else Interlocked.Increment(ref refused);
            }
            catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
            {
                Interlocked.Increment(ref cutOff);
                if (!stop.IsCancellationRequested) await Task.Delay(5, CancellationToken.None);
            }
        }
    }
}
