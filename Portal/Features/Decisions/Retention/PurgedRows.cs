namespace Portal.Features.Decisions.Retention;

/// <summary>What a purge removed: rows per kind (<c>decisions</c>, <c>segmentStats</c>, …) in the order first removed; kinds with none are left out.</summary>
public sealed class PurgedRows
{
    private readonly OrderedDictionary<string, long> rows = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, long> ByKind => rows;

    public long Total => rows.Values.Sum();

    public long this[string kind] => rows.TryGetValue(kind, out var count) ? count : 0;

    public void Add(string kind, long count)
    {
        if (count > 0) rows[kind] = this[kind] + count;
    }

    public void Add(PurgedRows other)
    {
        foreach (var (kind, count) in other.rows) Add(kind, count);
    }
}
