using Microsoft.Data.Sqlite;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Activity;

/// <summary>
/// The Activity view reads one cluster's entries newest first. It must read that cluster's entries in order and stop
/// at the page, not every entry of the organisation and then sort them, also after SQLite's ANALYZE.
/// </summary>
public sealed class ActivityPlanTests
{
    [Fact]
    public async Task The_activity_view_reads_its_clusters_entries_in_order_not_the_organisations_with_a_sort()
    {
        var capture = new CommandCapture();
        await using var host = QueryPlans.Capturing(capture);
        var portal = host.Portal;
        var clusters = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            clusters.Add(await DemoClusters.AddContosoAsync(portal, $"activity-plan-{i}"));
        }

        await using (var connection = new SqliteConnection($"Data Source={portal.DatabaseFile}"))
        {
            await connection.OpenAsync();
            foreach (var cluster in clusters)
            {
                await AddEntriesAsync(connection, cluster, count: 2_000);
            }

            await QueryPlans.ExecuteAsync(connection, "ANALYZE");
        }

        var member = await host.SignedInClientAsync(DemoAccounts.ContosoMember.Email);
        capture.Commands.Clear();
        var page = await member.GetAsync($"/Clusters/{clusters[1]}/Activity?keyword=node+count&from=2025-01-01");

        page.EnsureSuccessStatusCode();
        Assert.Contains("node count 1999", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var select = capture.Commands.Single(c => c.Sql.Contains("FROM \"ActivityLog\"", StringComparison.Ordinal));
        var plan = await QueryPlans.ExplainAsync(portal.DatabaseFile, select);
        Assert.Contains(plan, line => line.Contains("USING INDEX IX_ActivityLog_ClusterId_At (ClusterId=?", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, line => line.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    private static async Task AddEntriesAsync(SqliteConnection connection, Guid clusterId, int count)
    {
        await using var insert = connection.CreateCommand();
        insert.CommandText = $"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {count - 1})
            INSERT INTO "ActivityLog" ("OrganisationId", "ClusterId", "ClusterName", "At", "Actor", "Action", "Summary")
            SELECT c."OrganisationId", c."Id", c."Name", $start + i * 600000000, 'Casey Manager', 'CustomizationApplied', 'Set the maximum node count ' || i
            FROM "Clusters" c, n WHERE c."Id" = $id
            """;
        insert.Parameters.AddWithValue("$id", clusterId.ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$start", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks);
        Assert.Equal(count, await insert.ExecuteNonQueryAsync());
    }
}
