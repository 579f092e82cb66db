using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.UnitTests.Infrastructure.Data;

/// <summary>The committed migrations match the model for both providers; neither check needs a server.</summary>
public sealed class ModelTests
{
    [Fact]
    public void Sqlite_migrations_cover_the_whole_model()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQLite migration: the model has changed.");
    }

    [Fact]
    public void SqlServer_migrations_cover_the_whole_model()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "Add a SQL Server migration: the model has changed.");
    }

    [Fact]
    public void SqlServer_idempotent_migration_script_is_generated_without_a_server()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Clusters]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE TABLE [DataProtectionKeys]", script, StringComparison.Ordinal);
        Assert.Contains("[CreatedAt] datetimeoffset NOT NULL", script, StringComparison.Ordinal);
        Assert.Contains("IF NOT EXISTS", script, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_stores_times_as_sortable_integers()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);

        var createdAt = db.Model.FindEntityType(typeof(MxAzurePortal.Application.Clusters.Cluster))!.FindProperty("CreatedAt")!;

        Assert.Equal("INTEGER", createdAt.GetColumnType());
        Assert.IsType<UtcTicksConverter>(createdAt.GetValueConverter());
    }
}
