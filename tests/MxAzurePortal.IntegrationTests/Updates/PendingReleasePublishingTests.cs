using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Updates;

/// <summary>A release published while the one before still rolls out: AKS would refuse it for a cluster that one missed.</summary>
public sealed class PendingReleasePublishingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_next_release_is_checked_against_the_clusters_the_rolling_out_one_failed_to_update()
    {
        var failed = await DemoClusters.AddContosoAsync(factory, "pending-failed");
        var busy = await DemoClusters.AddContosoAsync(factory, "pending-busy");
        await factory.WithDatabaseAsync(async db =>
        {
            var release = new ServiceRelease
            {
                Name = "2026 Q1", KubernetesVersion = "1.32.4", OperatorVersion = "2.22.0", AgentVersion = "2.22.0",
                ScheduledOn = new DateOnly(2026, 2, 15), PublishedBy = "test", PublishedAt = PortalFactory.Start.AddDays(-30),
            };
            db.ServiceReleases.Add(release);
            var clusters = await db.Clusters.Where(c => c.Id == failed || c.Id == busy).ToListAsync();
            foreach (var cluster in clusters)
            {
                (cluster.KubernetesVersion, cluster.OperatorVersion, cluster.AgentVersion) = ("1.31.2", "2.21.0", "2.21.0");
            }

            // AKS refused the update of one cluster; the other is busy with a run another instance drives, so the release
            // is still rolling out.
            var organisation = clusters[0].OrganisationId;
            db.ClusterUpdates.Add(new ClusterUpdate
            {
                OrganisationId = organisation, ReleaseId = release.Id, ClusterId = failed, Status = UpdateStatus.Failed,
                ToKubernetesVersion = "1.32.4", ToOperatorVersion = "2.22.0", ToAgentVersion = "2.22.0", Error = "OperationNotAllowed",
            });
            db.Runs.Add(new ClusterRun
            {
                OrganisationId = organisation, ClusterId = busy, Kind = RunKind.Change, Status = RunStatus.Running, RequestedBy = "test",
                LeaseOwner = "another-instance", LeaseExpiresAt = PortalFactory.Start.AddDays(60),
            });
            await db.SaveChangesAsync();
            return await db.Clusters.Where(c => c.Id == failed || c.Id == busy)
                .ExecuteUpdateAsync(c => c.SetProperty(x => x.CreatedAt, PortalFactory.Start.AddDays(-60)));
        });
        var admin = await PortalSession.SignedInAsync(factory, DemoAccounts.Administrator.Email);

        var refused = await PortalSession.ParseAsync(await Releases.PublishAsync(admin, "2026 Q2", "1.33.0", "2.23.0", new DateOnly(2026, 4, 1)));

        Assert.Contains("skip minor version 1.32 for clusters on 1.31.2",
            refused.QuerySelector("[data-valmsg-for='Input.KubernetesVersion']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDatabaseAsync(db => db.ServiceReleases.AnyAsync(r => r.Name == "2026 Q2")));

        // The busy cluster will have 1.32.4 from the release before, so 1.33 is right for it: once the failed cluster is
        // on 1.32, the same release is taken.
        await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == failed).ExecuteUpdateAsync(c => c.SetProperty(x => x.KubernetesVersion, "1.32.4")));
        await Releases.PublishedAsync(admin, "2026 Q2", "1.33.0", "2.23.0", new DateOnly(2026, 4, 1));
    }
}
