using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>Production: SQL Server, with native datetimeoffset columns. Migrations in Data/Migrations/SqlServer.</summary>
public sealed class SqlServerPortalDbContext(DbContextOptions<SqlServerPortalDbContext> options, TenantScope tenant)
    : PortalDbContext(options, tenant);
