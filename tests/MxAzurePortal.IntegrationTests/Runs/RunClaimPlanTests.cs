using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Security;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Runs;

/// <summary>
/// Every portal instance polls for runs to drive twice a second, for ever: that poll must cost what the unfinished
/// runs cost, not what the history of finished ones does, also after SQLite's ANALYZE has seen that history.
/// </summary>
public sealed class RunClaimPlanTests
{
    [Fact]
    public async Task The_claim_reads_only_unfinished_runs_after_analyze_has_seen_thousands_of_finished_ones()
    {
        var capture = new CommandCapture();
        var commands = capture.Commands;
        await using var host = QueryPlans.Capturing(capture, PortalFactory.With(new Dictionary<string, string> { ["Runs:PollMilliseconds"] = "60000" }));
        var portal = host.Portal;
        var clusterId = await DemoClusters.AddContosoAsync(portal, "claim-plan");
        var finished = await DemoClusters.AddRunAsync(portal, clusterId);
        var queued = await portal.WithDatabaseAsync(async db =>
        {
            var cluster = await db.Clusters.SingleAsync(c => c.Id == clusterId);
            var run = RunPlanner.Initialize(cluster, "test", null);
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        await using (var connection = new SqliteConnection($"Data Source={portal.DatabaseFile}"))
        {
            await connection.OpenAsync();
            await QueryPlans.CopyRowAsync(connection, "ClusterRuns", finished, copies: 3_000);
            await QueryPlans.ExecuteAsync(connection, "ANALYZE");
        }

        commands.Clear();
        await using var scope = host.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
        var claimed = await scope.ServiceProvider.GetRequiredService<RunLeases>().ClaimNextAsync("plan-test", CancellationToken.None);

        Assert.Equal(queued, claimed);
        var select = commands.First(c => c.Sql.StartsWith("SELECT", StringComparison.Ordinal) && c.Sql.Contains("ORDER BY", StringComparison.Ordinal));
        var plan = await QueryPlans.ExplainAsync(portal.DatabaseFile, select);
        Assert.DoesNotContain(plan, line => line == "SCAN c" || line.Contains("TEMP B-TREE", StringComparison.Ordinal));
        Assert.Contains(plan, line => line.Contains("IX_ClusterRuns_Claimable", StringComparison.Ordinal));
    }
}
