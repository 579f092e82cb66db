using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Infrastructure.Data;

public enum DatabaseProvider
{
    Sqlite = 0,
    SqlServer = 1,
}

/// <summary>The <c>Database</c> section: SQLite file by default, SQL Server in production.</summary>
public sealed class DatabaseOptions : IValidatableObject
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>The SQLite file; relative paths are resolved against the content root. Created on first run.</summary>
    public string SqlitePath { get; set; } = "App_Data/mxazureportal.db";

    /// <summary>Required for SQL Server.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// SQLite only: a migration lock older than this was left by a portal that died while migrating, and is released
    /// at start-up. Migrations take seconds; the margin covers a slow one on a large database.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan MigrationLockStaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult(
                "Database:ConnectionString is required when Database:Provider is SqlServer.",
                [nameof(ConnectionString)]);
        }

        if (Provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(SqlitePath))
        {
            yield return new ValidationResult(
                "Database:SqlitePath is required when Database:Provider is Sqlite.", [nameof(SqlitePath)]);
        }
    }
}
