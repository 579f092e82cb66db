using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.Bench;

public sealed record Scale(int Organisations, int ClustersPerOrganisation, int TicketsPerCluster, int ActivityPerCluster);

/// <summary>
/// Fills a fresh database through the portal's own migrations: organisations, clusters and their runs through EF
/// Core (so their shape is exactly the portal's), tickets and activity entries with set-based INSERT ... SELECT
/// statements that copy those encodings, so a million rows take seconds.
/// </summary>
public static class ScaleSeeder
{
    private static readonly DateTimeOffset Start = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Regions = ["westeurope", "northeurope", "germanywestcentral", "swedencentral", "eastus2"];

    public static async Task<List<(string What, long Count, TimeSpan Elapsed)>> SeedAsync(string databaseFile, Scale scale)
    {
        var report = new List<(string, long, TimeSpan)>();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databaseFile, Pooling = false }.ToString();
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>().UseSqlite(connectionString).Options;
        var tenant = new TenantScope();
        tenant.OpenToAllOrganisations();

        var watch = Stopwatch.StartNew();
        await using (var db = new SqlitePortalDbContext(options) { Tenant = tenant })
        {
            await db.Database.MigrateAsync();
            if (await db.Clusters.AnyAsync(c => c.Name == "c0001-01"))
            {
                throw new InvalidOperationException($"{databaseFile} is seeded already; give a new file.");
            }
        }

        report.Add(("migrations", 0, watch.Elapsed));
        watch.Restart();
        var clusters = await AddClustersAsync(options, tenant, scale);
        report.Add(("organisations", scale.Organisations, TimeSpan.Zero));
        report.Add(("clusters + runs", clusters, watch.Elapsed));

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        await ExecuteAsync(connection, """
            CREATE TEMP TABLE Seeded AS
            SELECT ROW_NUMBER() OVER (ORDER BY Id) - 1 AS N, Id, OrganisationId, Name FROM Clusters WHERE Name LIKE 'c%-%';
            """);

        watch.Restart();
        var tickets = await ExecuteAsync(connection, $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {(long)clusters * scale.TicketsPerCluster - 1})
            INSERT INTO SupportTickets (Id, OrganisationId, ClusterId, Subject, Description, Severity, Source, Status, ShareLogs,
                ZendeskTicketId, ZendeskStatus, CreatedBy, CreatedAt, UpdatedAt)
            SELECT {NewGuidSql}, s.OrganisationId, s.Id, 'Ticket ' || i || ': apps answer 503 after deploying',
                'Since the last deployment every app of the cluster answers 503.',
                CASE i % 4 WHEN 0 THEN 'Critical' WHEN 1 THEN 'High' WHEN 2 THEN 'Medium' ELSE 'Low' END, 'Manual',
                CASE i % 3 WHEN 0 THEN 'OnHold' WHEN 1 THEN 'AwaitingYourReply' ELSE 'Solved' END, 1,
                100000 + i, CASE i % 3 WHEN 0 THEN 'hold' WHEN 1 THEN 'pending' ELSE 'solved' END, 'Casey Manager',
                {Start.UtcTicks} + i * {TimeSpan.TicksPerMinute}, {Start.UtcTicks} + i * {TimeSpan.TicksPerMinute}
            FROM n JOIN Seeded s ON s.N = i % {clusters};
            """);
        report.Add(("tickets", tickets, watch.Elapsed));

        watch.Restart();
        var activity = await ExecuteAsync(connection, $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {(long)clusters * scale.ActivityPerCluster - 1})
            INSERT INTO ActivityLog (OrganisationId, ClusterId, ClusterName, At, Actor, FromAddress, Action, Summary)
            SELECT s.OrganisationId, s.Id, s.Name, {Start.UtcTicks} + i * {TimeSpan.TicksPerSecond * 30},
                CASE i % 5 WHEN 0 THEN 'Mendix on Azure' ELSE 'Casey Manager' END, '203.0.113.' || (i % 250),
                CASE i % 4 WHEN 0 THEN 'ChangeSucceeded' WHEN 1 THEN 'TicketOpened' WHEN 2 THEN 'CustomizationRequested' ELSE 'RerunSucceeded' END,
                'Entry ' || i || ': changed the AKS max node count from 5 to ' || (5 + i % 20) || '.'
            FROM n JOIN Seeded s ON s.N = i % {clusters};
            """);
        report.Add(("activity entries", activity, watch.Elapsed));

        watch.Restart();
        await ExecuteAsync(connection, "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        report.Add(("analyze", 0, watch.Elapsed));
        return report;
    }

    private static async Task<int> AddClustersAsync(DbContextOptions<SqlitePortalDbContext> options, TenantScope tenant, Scale scale)
    {
        var count = 0;
        for (var o = 0; o < scale.Organisations; o++)
        {
            await using var db = new SqlitePortalDbContext(options) { Tenant = tenant };
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            // The demo organisations are two of them, so their demo accounts sign in to a customer of ordinary size.
            var organisation = new Organisation { Name = o switch { 0 => "Contoso", 1 => "Fabrikam", _ => $"Customer {o + 1:D4}" } };
            db.Organisations.Add(organisation);
            for (var c = 0; c < scale.ClustersPerOrganisation; c++, count++)
            {
                var region = Regions[count % Regions.Length];
                var name = $"c{o + 1:D4}-{c + 1:D2}";
                var created = Start.AddMinutes(count);
                var cluster = new Cluster
                {
                    OrganisationId = organisation.Id, Name = name, Region = region, CreatedAt = created, UpdatedAt = created,
                    Status = count % 50 == 0 ? ClusterStatus.Failed : ClusterStatus.Initialized,
                    KubernetesVersion = "1.31.2", OperatorVersion = "2.21.1", AgentVersion = "2.21.1",
                    Settings = new ClusterSettings
                    {
                        SubscriptionId = Guid.NewGuid().ToString(), ResourceGroup = "rg-" + name, CreateResourceGroup = true, Region = region,
                    },
                };
                var run = RunPlanner.Initialize(cluster, "Casey Manager", null);
                run.Status = cluster.Status == ClusterStatus.Failed ? RunStatus.Failed : RunStatus.Succeeded;
                (run.CreatedAt, run.UpdatedAt, run.StartedAt, run.FinishedAt) = (created, created, created, created.AddMinutes(15));
                foreach (var step in run.Steps)
                {
                    step.Status = StepStatus.Succeeded;
                }

                cluster.LastRunId = run.Id;
                db.Clusters.Add(cluster);
                db.Runs.Add(run);
            }

            await db.SaveChangesAsync();
        }

        return count;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>A random version-4 GUID in the upper-case text form EF Core writes, so the portal's lookups match it.</summary>
    private const string NewGuidSql =
        "upper(hex(randomblob(4))) || '-' || upper(hex(randomblob(2))) || '-4' || substr(upper(hex(randomblob(2))), 2) || '-' || " +
        "substr('89AB', 1 + (abs(random()) % 4), 1) || substr(upper(hex(randomblob(2))), 2) || '-' || upper(hex(randomblob(6)))";
}
