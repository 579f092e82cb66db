using System.Globalization;
using System.Net;
using Microsoft.Data.Sqlite;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Data;

/// <summary>
/// A portal killed while it applies migrations leaves SQLite's migration lock row behind; the next start must not wait
/// for it forever, and must not take the lock of an instance that is migrating now.
/// </summary>
public sealed class MigrationLockTests
{
    private static readonly TimeSpan StartWithin = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_start_after_a_portal_died_while_migrating_releases_its_stale_lock_and_migrates()
    {
        var database = PortalFactory.NewDatabaseFile();
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        await TakeLockAsync(database, PortalFactory.Start - TimeSpan.FromHours(1));
        using var portal = PortalFactory.On(database);

        var start = Task.Run(() => portal.CreatePortalClient().GetAsync(new Uri("/readyz", UriKind.Relative)));
        var finished = await Task.WhenAny(start, Task.Delay(StartWithin));

        Assert.True(finished == start, $"the portal did not start within {StartWithin.TotalSeconds} s: it waits for the dead portal's migration lock");
        Assert.Equal(HttpStatusCode.OK, (await start).StatusCode);
        Assert.Equal(0L, await ScalarAsync(database, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    [Fact]
    public async Task A_lock_younger_than_the_limit_is_left_to_the_instance_that_holds_it()
    {
        using var portal = new PortalFactory();
        _ = portal.CreatePortalClient();
        var now = portal.Clock.GetUtcNow();
        await TakeLockAsync(portal.DatabaseFile, now - TimeSpan.FromMinutes(2));

        var young = await portal.WithDatabaseAsync(db => DatabaseMigrator.ReleaseStaleMigrationLockAsync(db, now - TimeSpan.FromMinutes(10), CancellationToken.None));
        var kept = await ScalarAsync(portal.DatabaseFile, "SELECT COUNT(*) FROM \"__EFMigrationsLock\"");
        var old = await portal.WithDatabaseAsync(db => DatabaseMigrator.ReleaseStaleMigrationLockAsync(db, now - TimeSpan.FromMinutes(1), CancellationToken.None));

        Assert.Null(young);
        Assert.Equal(1L, kept);
        Assert.Equal(now - TimeSpan.FromMinutes(2), old);
        Assert.Equal(0L, await ScalarAsync(portal.DatabaseFile, "SELECT COUNT(*) FROM \"__EFMigrationsLock\""));
    }

    /// <summary>The lock row as EF Core writes it when it starts migrating.</summary>
    private static async Task TakeLockAsync(string database, DateTimeOffset at)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT OR IGNORE INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, $at);
            """;
        command.Parameters.AddWithValue("$at", at.ToString(CultureInfo.InvariantCulture));
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={database}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
