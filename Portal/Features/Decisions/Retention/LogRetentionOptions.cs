using System.ComponentModel.DataAnnotations;

namespace Portal.Features.Decisions.Retention;

/// <summary>How the log retention purge runs (<c>Portal:LogRetention</c>); how long each loop keeps its data is the loop's logRetentionDays.</summary>
public sealed class LogRetentionOptions
{
    public const string Section = "Portal:LogRetention";

    /// <summary>Time between two purges (the first one this long after start-up).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Portal:LogRetention:PurgeInterval must be between 00:00:01 and 7.00:00:00.")]
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Most rows deleted in one transaction: the longest a batch holds SQLite's write lock, and so Rank.</summary>
    [Range(100, 100_000, ErrorMessage = "Portal:LogRetention:BatchSize must be between 100 and 100000.")]
    public int BatchSize { get; set; } = 5_000;

    /// <summary>
    /// The share of the time the purge may work: it rests between batches so that Rank keeps the machine and the lock.
    /// While a batch deletes, it holds SQLite's write lock and every Rank's commit waits, so Rank loses about this share
    /// of its throughput: at 0.1 the retention-purge benchmark measured 0.83 (a run shared with other work), hence 0.05
    /// (a backlog of 1,000,000 decisions then takes about 5 minutes).
    /// </summary>
    [Range(0.01, 1, ErrorMessage = "Portal:LogRetention:MaxBusyShare must be between 0.01 and 1.")]
    public double MaxBusyShare { get; set; } = 0.05;
}
