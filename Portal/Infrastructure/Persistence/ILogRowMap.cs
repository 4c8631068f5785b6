namespace Portal.Infrastructure.Persistence;

/// <summary>What a read of the log keeps of each row (<see cref="LogRowReads"/>), from either engine's row.</summary>
public interface ILogRowMap<out T>
{
    /// <summary>Whether the read goes on with this row; the first row refused ends it.</summary>
    bool Wants<TRow>(TRow row) where TRow : ILogRow;

    T Map<TRow>(TRow row) where TRow : ILogRow;
}
