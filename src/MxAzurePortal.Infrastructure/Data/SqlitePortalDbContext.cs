using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>The embedded default: a SQLite file. Migrations in Data/Migrations/Sqlite.</summary>
public sealed class SqlitePortalDbContext(DbContextOptions<SqlitePortalDbContext> options, TenantScope tenant)
    : PortalDbContext(options, tenant)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: UTC ticks in an INTEGER column sort and compare correctly in SQL.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
