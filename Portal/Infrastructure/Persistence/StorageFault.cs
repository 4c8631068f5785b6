using Microsoft.Data.Sqlite;

namespace Portal.Infrastructure.Persistence;

/// <summary>Why the storage refused a write: a condition of the machine, not of the request.</summary>
public enum StorageFaultKind
{
    /// <summary>SQLITE_FULL: the disk (or the file system holding the data folder) is full.</summary>
    Full,

    /// <summary>SQLITE_READONLY or SQLITE_CANTOPEN: the file or its file system takes no writes.</summary>
    ReadOnly,

    /// <summary>SQLITE_IOERR: the operating system reported an I/O error.</summary>
    Failing,
}

/// <summary>
/// Recognises the storage refusing a write in SQLite's answer (wrapped by EF Core or not), so callers hear 503 "retry
/// later" rather than 500: nothing is wrong with their request, and the same write succeeds once space returns.
/// </summary>
public static class StorageFault
{
    // SQLite's primary result codes; an extended code (e.g. SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) keeps its
    // primary code in the low byte.
    private const int SqliteReadOnly = 8;
    private const int SqliteIoErr = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    public static StorageFaultKind? KindOf(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is not SqliteException sqlite) continue;
            return (sqlite.SqliteErrorCode & 0xFF) switch
            {
                SqliteFull => StorageFaultKind.Full,
                SqliteReadOnly or SqliteCantOpen => StorageFaultKind.ReadOnly,
                SqliteIoErr => StorageFaultKind.Failing,
                _ => null,
            };
        }
        return null;
    }

    /// <summary>The start of a sentence for people: "Portal's storage is full".</summary>
    public static string Describe(StorageFaultKind kind) => kind switch
    {
        StorageFaultKind.Full => "Portal's storage is full",
        StorageFaultKind.ReadOnly => "Portal's storage is read-only",
        _ => "Portal's storage is failing (I/O error)",
    };
}
