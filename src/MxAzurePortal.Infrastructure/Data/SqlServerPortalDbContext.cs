using Microsoft.EntityFrameworkCore;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>Production: SQL Server, with native datetimeoffset columns. Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options)
    : PortalDbContext(options);
