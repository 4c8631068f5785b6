namespace Portal.Features.Decisions.Retention;

/// <summary>
/// Data a loop keeps with or about its decisions that the loop's log retention also limits: the decisions themselves,
/// Insights' hourly aggregates, the copies of decisions on feedback tickets. <see cref="RetentionPurge"/> asks each for
/// what is past the window and deletes it batch by batch, so Decisions needs to know none of those features.
/// </summary>
public interface IExpiringData
{
    /// <summary>
    /// The loop's rows that belong to the time before <paramref name="cutoff"/>, in batches of at most
    /// <paramref name="batchSize"/> rows each. Found by reads; the next batch is asked for only once the previous one ran.
    /// </summary>
    IAsyncEnumerable<PurgeBatch> ExpiredAsync(string loopId, DateTimeOffset cutoff, int batchSize, CancellationToken ct);
}
