using Portal.Data.Entities;

namespace Portal.Infrastructure.Persistence;

/// <summary>Columns of the log read the same way from any <see cref="ILogRow"/>.</summary>
public static class LogRowColumns
{
    /// <summary>A learning mode, stored as its name.</summary>
    public static LearningMode Mode<TRow>(this TRow row, int column) where TRow : ILogRow => StoredLearningMode.Parse(row.Utf8(column));

    /// <summary>A time, stored in Unix milliseconds.</summary>
    public static DateTimeOffset Time<TRow>(this TRow row, int column) where TRow : ILogRow => DateTimeOffset.FromUnixTimeMilliseconds(row.Int64(column));

    /// <summary>A time that may be missing.</summary>
    public static DateTimeOffset? TimeOrNull<TRow>(this TRow row, int column) where TRow : ILogRow => row.IsNull(column) ? null : row.Time(column);
}
