using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
        options.UseSqlite(connectionString);
    }

    public static void UseSqlServer(DbContextOptionsBuilder options, string connectionString)
    {
        options.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure());
    }
}
