using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>Brings the database to the latest migration at start-up, creating the SQLite file if needed.</summary>
public static class DatabaseMigrator
{
    public static async Task MigratePortalDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseMigrator));

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            if (db.Database.IsSqlite())
            {
                var staleAfter = scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrationLockStaleAfter;
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
                if (await ReleaseStaleMigrationLockAsync(db, now - staleAfter, cancellationToken) is { } takenAt)
                {
                    logger.LogWarning(
                        "Released the migration lock taken at {LockTakenAt}, older than {StaleAfter}: a portal stopped while migrating",
                        takenAt, staleAfter);
                }
            }

            logger.LogInformation("Applying {MigrationCount} database migrations: {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers and one writer work at once, across portal instances too.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// SQLite's migration lock is a row in <c>__EFMigrationsLock</c>; a portal killed while migrating leaves it, and
    /// every later start would wait for it forever. A lock taken before <paramref name="takenBefore"/> is removed
    /// (and its time returned); a younger one belongs to an instance that is migrating now and is left alone.
    /// </summary>
    public static async Task<DateTimeOffset?> ReleaseStaleMigrationLockAsync(PortalDbContext db, DateTimeOffset takenBefore, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"Timestamp\" FROM \"__EFMigrationsLock\" LIMIT 1";
            string? raw;
            try
            {
                raw = await command.ExecuteScalarAsync(cancellationToken) as string;
            }
            catch (Microsoft.Data.Sqlite.SqliteException exception) when (exception.SqliteErrorCode == 1)
            {
                return null; // SQLITE_ERROR, "no such table": a database that was never migrated has no lock.
            }

            if (raw is null || !DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var takenAt)
                || takenAt >= takenBefore)
            {
                return null;
            }

            command.CommandText = "DELETE FROM \"__EFMigrationsLock\"";
            await command.ExecuteNonQueryAsync(cancellationToken);
            return takenAt;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
