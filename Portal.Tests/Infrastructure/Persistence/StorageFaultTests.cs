using Microsoft.Data.Sqlite;
using Portal.Infrastructure.Persistence;

namespace Portal.Tests.Infrastructure.Persistence;

public sealed class StorageFaultTests
{
    [Fact]
    public void A_file_write_on_a_full_or_read_only_file_system_is_a_storage_fault_and_a_missing_file_is_not()
    {
        Assert.Equal(StorageFaultKind.Full, StorageFault.KindOf(new IOException("No space left on device", 28)));
        Assert.Equal(StorageFaultKind.ReadOnly, StorageFault.KindOf(new IOException("Read-only file system", 30)));
        Assert.Null(StorageFault.KindOf(new FileNotFoundException("gone")));
    }

    [Fact]
    public void Only_the_storage_refusing_a_write_is_reported()
    {
        var storage = new StorageHealth(TimeProvider.System);

        storage.Report(new SqliteException("UNIQUE constraint failed", 19));
        var afterConstraint = storage.Fault;
        storage.Report(new InvalidOperationException("wrapped", new SqliteException("attempt to write a readonly database", 1032)));

        Assert.Null(afterConstraint);
        Assert.Equal(StorageFaultKind.ReadOnly, storage.Fault?.Kind);
    }

    [Fact]
    public void A_read_only_refusal_starts_a_spell_that_lasts_until_a_write_reaches_the_disk_and_a_full_disk_starts_none()
    {
        var storage = new StorageHealth(TimeProvider.System);

        storage.Report(new SqliteException("database or disk is full", 13));
        var afterFullDisk = storage.ReadOnlySpell.IsCompleted;
        storage.Report(new SqliteException("attempt to write a readonly database", 8));
        var spell = storage.ReadOnlySpell;
        storage.Clear();

        Assert.False(afterFullDisk);
        Assert.True(spell.IsCompleted);
        Assert.False(storage.ReadOnlySpell.IsCompleted);
        Assert.Null(storage.Fault);
    }
}
