using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Portal.Features.Evaluation.Logs;

/// <summary>
/// Reads a log on another thread, in batches, a few batches ahead of the caller: reading SQLite and the rows' JSON is
/// most of an evaluation's work, so with two cores the reading and the scoring overlap. Bounded (the reader waits when
/// the caller falls behind); the reader stops when the caller stops or is cancelled, and its failure is the caller's.
/// </summary>
public static class ReadAhead
{
    public static async IAsyncEnumerable<T[]> Batches<T>(IAsyncEnumerable<T> source, int batchSize, int batchesAhead,
        [EnumeratorCancellation] CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var channel = Channel.CreateBounded<T[]>(new BoundedChannelOptions(batchesAhead) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(() => FillAsync(source, batchSize, channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct)) yield return batch;
            await reader;
        }
        finally
        {
            await stop.CancelAsync();
            try
            {
                await reader;
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task FillAsync<T>(IAsyncEnumerable<T> source, int batchSize, ChannelWriter<T[]> writer, CancellationToken ct)
    {
        try
        {
            var batch = new List<T>(batchSize);
            await foreach (var item in source.WithCancellation(ct))
            {
                batch.Add(item);
                if (batch.Count < batchSize) continue;
                await writer.WriteAsync([.. batch], ct);
                batch.Clear();
            }
            if (batch.Count > 0) await writer.WriteAsync([.. batch], ct);
            writer.Complete();
        }
        catch (Exception error)
        {
            writer.Complete(error);
            throw;
        }
    }
}
