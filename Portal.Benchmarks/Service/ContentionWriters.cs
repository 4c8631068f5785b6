using System.Threading.Channels;

namespace Portal.Benchmarks.Service;

/// <summary>
/// The writers of <c>contention</c>, each a closed loop until <c>stop</c>: Rank (feeding its 201 eventIds to the
/// Reward writers), Reward (value 1 on events ranked in this run) and settings edits (PUT configurations/service).
/// </summary>
public sealed class ContentionWriters(PortalClient client, StatusTally tally, string prefix)
{
    private readonly Channel<string> ranked = Channel.CreateBounded<string>(
        new BoundedChannelOptions(100_000) { FullMode = BoundedChannelFullMode.DropOldest });

    public async Task RankAsync(int writer, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var eventId = $"{prefix}-{writer}-{n}";
            if (await SendAsync("rank", () => client.RankAsync(eventId, n, stop), stop) == 201) ranked.Writer.TryWrite(eventId);
        }
    }

    public async Task RewardAsync(CancellationToken stop)
    {
        try
        {
            await foreach (var eventId in ranked.Reader.ReadAllAsync(stop))
                await SendAsync("reward", () => client.RewardAsync(eventId, 1, stop), stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }

    public async Task EditSettingsAsync(int writer, CancellationToken stop)
    {
        for (var n = writer; !stop.IsCancellationRequested; n++)
            await SendAsync("settings", () => client.EditSettingsAsync(n, stop), stop);
    }

    private async Task<int> SendAsync(string writer, Func<Task<Reply>> send, CancellationToken stop)
    {
        try
        {
            var reply = await send();
            tally.Count(writer, reply);
            return reply.Status;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return 0;
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or IOException)
        {
            tally.CountFailure(writer);
            return 0;
        }
    }
}
