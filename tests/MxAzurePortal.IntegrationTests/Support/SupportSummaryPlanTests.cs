using Microsoft.Data.Sqlite;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using Xunit.Abstractions;

namespace MxAzurePortal.IntegrationTests.Support;

/// <summary>
/// The Support page reads one organisation's tickets, from its clusters through the tickets' index by cluster,
/// never by walking every organisation's tickets of a status. SQLite plans by the statistics ANALYZE leaves, which a
/// test database of a few rows cannot have; they are set to those of the benchmark's database (10,000 clusters,
/// 100,000 tickets, a third of them awaiting a reply).
/// </summary>
public sealed class SupportSummaryPlanTests(ITestOutputHelper output)
{
    private static readonly (string Table, string Index, string Stat)[] CustomerScale =
    [
        ("SupportTickets", "IX_SupportTickets_Status_CreatedAt", "100000 33334 1"),
        ("SupportTickets", "IX_SupportTickets_CreatedAt", "100000 1"),
        ("SupportTickets", "IX_SupportTickets_ZendeskTicketId", "100000 1"),
        ("SupportTickets", "IX_SupportTickets_ClusterId_CreatedAt", "100000 10 1"),
        ("Clusters", "IX_Clusters_Name_Search", "10000 1 1 1 1"),
        ("Clusters", "IX_Clusters_Status_Name", "10000 5000 1"),
        ("Clusters", "IX_Clusters_OrganisationId_Status", "10000 20 15"),
        ("Clusters", "IX_Clusters_OrganisationId_Name", "10000 20 1"),
    ];

    [Fact]
    public async Task The_Support_page_reaches_the_tickets_through_the_organisations_clusters()
    {
        var capture = new CommandCapture();
        await using var host = QueryPlans.Capturing(capture);
        var portal = host.Portal;
        var own = await DemoClusters.AddContosoAsync(portal, "summary-plan");
        await DemoClusters.AddTicketAsync(portal, own, "Apps are slow");
        await using (var connection = new SqliteConnection($"Data Source={portal.DatabaseFile}"))
        {
            await connection.OpenAsync();
            await QueryPlans.ExecuteAsync(connection, "ANALYZE");
            foreach (var (table, index, stat) in CustomerScale)
            {
                await QueryPlans.ExecuteAsync(connection, $"DELETE FROM sqlite_stat1 WHERE idx = '{index}'");
                await QueryPlans.ExecuteAsync(connection, $"INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES ('{table}', '{index}', '{stat}')");
            }
        }

        // A connection reads the statistics when it opens: pooled ones still hold the test database's own.
        SqliteConnection.ClearAllPools();

        var member = await host.SignedInClientAsync(DemoAccounts.ContosoMember.Email);
        capture.Commands.Clear();
        var page = await member.GetAsync("/Support");

        page.EnsureSuccessStatusCode();
        var reads = capture.Commands.Where(c => c.Sql.Contains("\"SupportTickets\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, reads.Count);
        foreach (var read in reads)
        {
            var plan = await QueryPlans.ExplainAsync(portal.DatabaseFile, read);
            output.WriteLine(read.Sql + Environment.NewLine + string.Join(Environment.NewLine, plan) + Environment.NewLine);
            Assert.Contains(plan, line => line.Contains("IX_SupportTickets_ClusterId_CreatedAt (ClusterId=?)", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.StartsWith("SCAN s", StringComparison.Ordinal) || line.StartsWith("SCAN t", StringComparison.Ordinal)
                || line.Contains("IX_SupportTickets_Status_CreatedAt", StringComparison.Ordinal));
        }
    }
}
