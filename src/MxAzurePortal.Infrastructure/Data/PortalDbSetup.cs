using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>Configures EF Core for the chosen provider; shared by the host and the design-time factories.</summary>
public static class PortalDbSetup
{
    public static void UseSqlite(DbContextOptionsBuilder options, string databaseFile)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(databaseFile));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = databaseFile,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // Several portal instances may share one file: wait for a lock rather than fail.
            DefaultTimeout = 30,
        }.ToString();
        // Each query is prepared once per connection and the connection stays open between units of work (ADR-015).
#pragma warning disable EF1001 // The provider-internal connection service is what KeptOpenSqliteConnection replaces.
        options.UseSqlite(connectionString)
            .ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>()
            .AddInterceptors(new SqliteStatementCache());
#pragma warning restore EF1001
    }

    public static void UseSqlServer(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
    }
}
