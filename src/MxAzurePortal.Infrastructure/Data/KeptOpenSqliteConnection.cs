using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace MxAzurePortal.Infrastructure.Data;

#pragma warning disable EF1001 // EF Core's SQLite connection service is provider-internal; the package version is pinned.

/// <summary>
/// A pooled context's SQLite connection stays open from one unit of work to the next, so the statements
/// <see cref="SqliteStatementCache"/> keeps prepared on it outlive the request that prepared them: closing a
/// Microsoft.Data.Sqlite connection finalizes every statement prepared on it.
/// </summary>
/// <remarks>
/// EF Core closes the connection after each statement it opened it for, and when the pool takes the context back. It
/// stays open unless one of its kept statements is still being read; a transaction begun in SQL and left open is
/// rolled back first, so a unit of work never hands the next one a transaction or a half-read result. Disposing the
/// context (the pool's end, the host's shutdown) closes it.
/// </remarks>
public sealed class KeptOpenSqliteConnection(
    RelationalConnectionDependencies dependencies,
    IRawSqlCommandBuilder rawSqlCommandBuilder,
    IDiagnosticsLogger<DbLoggerCategory.Infrastructure> logger)
    : SqliteRelationalConnection(dependencies, rawSqlCommandBuilder, logger)
{
    /// <summary>Bytes of the database file each connection reads through a memory map rather than its own reads.</summary>
    public const long MemoryMapBytes = 256L * 1024 * 1024;

    private readonly SqliteStatementCache? statements = dependencies.ContextOptions
        .FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<SqliteStatementCache>().FirstOrDefault();

    protected override void OpenDbConnection(bool errorsExpected)
    {
        base.OpenDbConnection(errorsExpected);
        MapDatabaseFile();
    }

    protected override async Task OpenDbConnectionAsync(bool errorsExpected, CancellationToken cancellationToken)
    {
        await base.OpenDbConnectionAsync(errorsExpected, cancellationToken);
        MapDatabaseFile();
    }

    // The pool hands its contexts out in turn, so a page's working set is read into the page cache of every kept
    // connection, and a write by anyone empties them all. Mapped, a page a connection has not cached is read from the
    // operating system's shared copy of the file, without a system call or a copy into the connection's cache.
    private void MapDatabaseFile()
    {
        if (DbConnection is SqliteConnection { Handle: { } handle })
        {
            raw.sqlite3_exec(handle, $"PRAGMA mmap_size={MemoryMapBytes}");
        }
    }

    protected override void CloseDbConnection()
    {
        if (!KeepOpen())
        {
            base.CloseDbConnection();
        }
    }

    protected override Task CloseDbConnectionAsync() => KeepOpen() ? Task.CompletedTask : base.CloseDbConnectionAsync();

    /// <summary>
    /// Open, and none of its kept statements being read (EF Core disposes the readers of the commands it runs itself
    /// before it closes the connection). A transaction begun in SQL and never ended is rolled back first, and the
    /// connection closed if that fails: EF Core ends its own before it closes, and a pooled Microsoft.Data.Sqlite
    /// connection would otherwise hand it to the next open.
    /// </summary>
    private bool KeepOpen()
    {
        if (DbConnection is not SqliteConnection { State: ConnectionState.Open, Handle: { } handle } connection
            || statements?.InUse(connection) == true)
        {
            return false;
        }

        return raw.sqlite3_get_autocommit(handle) != 0 || raw.sqlite3_exec(handle, "ROLLBACK") == raw.SQLITE_OK;
    }
}
