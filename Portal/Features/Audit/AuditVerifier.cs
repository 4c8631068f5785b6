using Microsoft.EntityFrameworkCore;
using Portal.Data;

namespace Portal.Features.Audit;

/// <summary>Walks the whole audit log in order and names the first entry that does not follow from its predecessor.</summary>
public sealed class AuditVerifier(IDbContextFactory<PortalDbContext> dbFactory, AuditChain chain)
{
    public sealed record Result(long EntriesChecked, long? FirstBrokenSeq, string Message)
    {
        public bool Intact => FirstBrokenSeq is null;
    }

    public async Task<Result> VerifyAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var previous = AuditChain.Genesis;
        long checkedCount = 0;
        await foreach (var entry in db.AuditEntries.AsNoTracking().OrderBy(e => e.Seq).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.PreviousHash != previous)
                return new Result(checkedCount, entry.Seq,
                    $"Entry {entry.Seq} does not follow the entry before it: an entry was removed, inserted or changed before it.");
            if (chain.HashOf(entry, previous) != entry.Hash)
                return new Result(checkedCount, entry.Seq, $"Entry {entry.Seq} was changed after it was written: its content does not match its hash.");
            previous = entry.Hash;
            checkedCount++;
        }
        return new Result(checkedCount, null, $"All {checkedCount:N0} entries are intact.");
    }
}
