using System.Diagnostics;
using System.Text.Json;

namespace Portal.Benchmarks.Service;

/// <summary>
/// Rank clients that check every answer against the change being measured: records when the first obeying answer
/// arrived, and counts answers to requests sent after the change was acknowledged that still disobey it.
/// </summary>
public sealed class ObedienceProbe(PortalClient client, int clients)
{
    private readonly Lock gate = new();
    private Func<JsonElement, bool>? obeys;
    private long changeSentAt, acknowledgedAt = long.MaxValue;
    private TaskCompletionSource<long>? firstObedient;
    private int lateDisobedient;
    private long total, failures;

    public long Total => Interlocked.Read(ref total);
    public long Failures => Interlocked.Read(ref failures);
    public int LateDisobedient => Volatile.Read(ref lateDisobedient);

    /// <summary>The action has probability 0.</summary>
    public static Func<JsonElement, bool> Frozen(string actionId) => body =>
        body.GetProperty("ranking").EnumerateArray().All(r => r.GetProperty("id").GetString() != actionId || r.GetProperty("probability").GetDouble() == 0);

    /// <summary>The first action (the baseline) is served for sure.</summary>
    public static bool Baseline(JsonElement body) =>
        body.GetProperty("rewardActionId").GetString() == "a0" && body.GetProperty("ranking")[0].GetProperty("probability").GetDouble() == 1;

    public void Watch(Func<JsonElement, bool> rule, long sentAt)
    {
        lock (gate)
        {
            obeys = rule;
            changeSentAt = sentAt;
            acknowledgedAt = long.MaxValue;
            lateDisobedient = 0;
            firstObedient = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Acknowledged(long at)
    {
        lock (gate) acknowledgedAt = at;
    }

    public Task<long> FirstObedientAsync() => firstObedient!.Task.WaitAsync(TimeSpan.FromSeconds(30));

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(() => ClientAsync(c, stop), CancellationToken.None)));

    private async Task ClientAsync(int clientId, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var sent = Stopwatch.GetTimestamp();
            try
            {
                var reply = await client.RankAsync($"probe-{clientId}-{n}-{Guid.NewGuid():N}", n, stop);
                Interlocked.Increment(ref total);
                if (reply.Status != 201) { Interlocked.Increment(ref failures); continue; }
                Judge(JsonDocument.Parse(reply.Body).RootElement, sent, Stopwatch.GetTimestamp());
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref failures);
            }
        }
    }

    private void Judge(JsonElement body, long sent, long received)
    {
        lock (gate)
        {
            if (obeys is null || sent < changeSentAt) return;
            if (obeys(body)) firstObedient?.TrySetResult(received);
            else if (sent > acknowledgedAt) lateDisobedient++;
        }
    }
}
