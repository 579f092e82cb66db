using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>Lets <c>dotnet ef</c> build each provider's context without a host or a server.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePortalDbContext>
{
    public SqlitePortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        PortalDbSetup.UseSqlite(options, Path.Combine(Path.GetTempPath(), "mxazureportal-design.db"));
        return new SqlitePortalDbContext(options.Options);
    }
}

public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerPortalDbContext>
{
    public SqlServerPortalDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlServerPortalDbContext>();
        PortalDbSetup.UseSqlServer(options, "Server=(design-time);Database=MxAzurePortal;Trusted_Connection=True");
        return new SqlServerPortalDbContext(options.Options);
    }
}
