using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Decisions.Log;

/// <summary>
/// The log cut into windows of its key (Seq) for work that must read every decision: each window is one short query,
/// progress is the share of the key range done, and a cancellation stops between windows. The range is read once at
/// the start; decisions logged after that are not in it.
/// </summary>
public static class LogWindows
{
    /// <summary>About 40 ms of SQLite's JSON functions on two cores: fine-grained progress, short writes.</summary>
    public const int Size = 10_000;

    public static async IAsyncEnumerable<LogWindow> OfAsync(IDbContextFactory<PortalDbContext> dbFactory, [EnumeratorCancellation] CancellationToken ct)
    {
        long first, last;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            // Two queries: SQLite answers a lone MIN or MAX of the key from the index, both at once by reading every row.
            var keys = db.Decisions.Select(d => (long?)d.Seq);
            if (await keys.OrderBy(seq => seq).FirstOrDefaultAsync(ct) is not { } min) yield break;
            (first, last) = (min, await keys.OrderByDescending(seq => seq).FirstAsync(ct) ?? min);
        }
        for (var after = first - 1; after < last; after += Size)
        {
            ct.ThrowIfCancellationRequested();
            var upTo = Math.Min(after + Size, last);
            yield return new LogWindow(after, upTo, (double)(upTo - first + 1) / (last - first + 1));
        }
    }
}

/// <summary>The decisions with <c>After &lt; Seq ≤ UpTo</c>; <see cref="Done"/> is the share of the log up to here.</summary>
public readonly record struct LogWindow(long After, long UpTo, double Done);
