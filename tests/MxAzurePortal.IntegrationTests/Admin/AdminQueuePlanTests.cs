using Microsoft.Data.Sqlite;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Admin;

/// <summary>
/// The staff's landing page lists the open automatic tickets. They are a handful among every ticket ever opened: the
/// page must read just those, not walk every ticket by date, also after SQLite's ANALYZE has seen thousands.
/// </summary>
public sealed class AdminQueuePlanTests
{
    [Fact]
    public async Task The_landing_page_reads_the_open_automatic_tickets_from_their_own_index()
    {
        var capture = new CommandCapture();
        await using var host = QueryPlans.Capturing(capture);
        var portal = host.Portal;
        var clusterId = await DemoClusters.AddContosoAsync(portal, "queue-plan");
        var manual = await DemoClusters.AddTicketAsync(portal, clusterId, "Apps are slow");
        await DemoClusters.AddTicketAsync(portal, clusterId, "Initialization failed twice", automatic: true);
        await using (var connection = new SqliteConnection($"Data Source={portal.DatabaseFile}"))
        {
            await connection.OpenAsync();
            await QueryPlans.CopyRowAsync(connection, "SupportTickets", manual, copies: 3_000);
            await QueryPlans.ExecuteAsync(connection, "ANALYZE");
        }

        var staff = await host.SignedInClientAsync(DemoAccounts.SupportEngineer.Email);
        capture.Commands.Clear();
        var page = await staff.GetAsync("/Admin");

        page.EnsureSuccessStatusCode();
        Assert.Contains("Initialization failed twice", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var select = capture.Commands.Single(c => c.Sql.Contains("\"s\".\"Source\" = 'Automatic'", StringComparison.Ordinal));
        var plan = await QueryPlans.ExplainAsync(portal.DatabaseFile, select);
        Assert.Contains(plan, line => line.Contains("USING INDEX IX_SupportTickets_OpenAutomatic", StringComparison.Ordinal));
    }
}
