using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Portal.Infrastructure.Persistence;

/// <summary>Why the storage refused a write: a condition of the machine, not of the request.</summary>
public enum StorageFaultKind
{
    /// <summary>SQLITE_FULL: the disk (or the file system holding the data folder) is full.</summary>
    Full,

    /// <summary>SQLITE_READONLY or SQLITE_CANTOPEN: the file or its file system takes no writes.</summary>
    ReadOnly,

    /// <summary>SQLITE_IOERR: the operating system reported an I/O error (PostgreSQL: the server did).</summary>
    Failing,

    /// <summary>The database server cannot be reached or went away (PostgreSQL): the same write succeeds once it is back.</summary>
    Unreachable,
}

/// <summary>
/// Recognises the storage refusing a write, in SQLite's answer (wrapped by EF Core or not) or in a file write (a key or
/// model file), so callers hear 503 "retry later" rather than 500: nothing is wrong with their request, and the same
/// write succeeds once space returns.
/// </summary>
public static class StorageFault
{
    // SQLite's primary result codes; an extended code (e.g. SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) keeps its
    // primary code in the low byte.
    private const int SqliteReadOnly = 8;
    private const int SqliteIoErr = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;

    // .NET reports a failed file write as an IOException carrying the OS error: errno on Unix, HRESULT on Windows.
    private const int NoSpaceErrno = 28, ReadOnlyFileSystemErrno = 30;
    private const int DiskFullHResult = unchecked((int)0x80070070), HandleDiskFullHResult = unchecked((int)0x80070027);
    private const int WriteProtectHResult = unchecked((int)0x80070013);

    public static StorageFaultKind? KindOf(Exception? error)
    {
        for (var current = error; current is not null; current = current.InnerException)
        {
            if (current is SqliteException sqlite)
            {
                return (sqlite.SqliteErrorCode & 0xFF) switch
                {
                    SqliteFull => StorageFaultKind.Full,
                    SqliteReadOnly or SqliteCantOpen => StorageFaultKind.ReadOnly,
                    SqliteIoErr => StorageFaultKind.Failing,
                    _ => null,
                };
            }
            if (current is NpgsqlException npgsql) return PostgresKind(npgsql);
            if (current is IOException file && file.GetType() == typeof(IOException))
            {
                return file.HResult switch
                {
                    NoSpaceErrno or DiskFullHResult or HandleDiskFullHResult => StorageFaultKind.Full,
                    ReadOnlyFileSystemErrno or WriteProtectHResult => StorageFaultKind.ReadOnly,
                    _ => null,
                };
            }
        }
        return null;
    }

    /// <summary>
    /// PostgreSQL's SQLSTATE classes: 53 insufficient resources (53100 disk full), 25006 a read-only transaction (a hot
    /// standby), 58 system error (I/O), 08 connection, 57P admin shutdown or a server still starting. An NpgsqlException
    /// that is no server's answer is a socket or a timeout: the server cannot be reached.
    /// </summary>
    private static StorageFaultKind? PostgresKind(NpgsqlException error)
    {
        if (error is not PostgresException server)
            return error.IsTransient || error.InnerException is SocketException or IOException or TimeoutException ? StorageFaultKind.Unreachable : null;
        var state = server.SqlState;
        if (state == PostgresErrorCodes.DiskFull || state.StartsWith("53", StringComparison.Ordinal)) return StorageFaultKind.Full;
        if (state == PostgresErrorCodes.ReadOnlySqlTransaction) return StorageFaultKind.ReadOnly;
        if (state.StartsWith("58", StringComparison.Ordinal)) return StorageFaultKind.Failing;
        if (state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal)) return StorageFaultKind.Unreachable;
        return null;
    }

    /// <summary>The start of a sentence for people: "Storage is full".</summary>
    public static string Describe(StorageFaultKind kind) => kind switch
    {
        StorageFaultKind.Full => "Storage is full",
        StorageFaultKind.ReadOnly => "Storage is read-only",
        StorageFaultKind.Unreachable => "The database cannot be reached",
        _ => "Storage is failing (I/O error)",
    };
}
