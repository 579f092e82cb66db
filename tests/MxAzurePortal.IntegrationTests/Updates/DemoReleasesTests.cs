using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Updates;

public sealed class DemoReleasesTests
{
    [Fact]
    public async Task The_sandbox_seeds_a_past_release_applied_to_the_demo_clusters_and_an_upcoming_one()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string> { ["Sandbox:DemoClusters"] = "true" });
        _ = factory.CreatePortalClient();

        var releases = await factory.WithDatabaseAsync(db => db.ServiceReleases.OrderBy(r => r.ScheduledOn)
            .Select(r => new { r.Id, r.Name, r.ScheduledOn, r.KubernetesVersion, r.CompletedAt, r.PublishedAt }).ToListAsync());
        Assert.Equal(["2026 Q1", "2026 Q2"], releases.Select(r => r.Name));
        Assert.Equal((new DateOnly(2026, 1, 1), true), (releases[0].ScheduledOn, releases[0].CompletedAt is not null));
        Assert.Equal((new DateOnly(2026, 4, 1), false), (releases[1].ScheduledOn, releases[1].CompletedAt is not null));
        Assert.All(releases, r => Assert.True(r.PublishedAt <= factory.Clock.GetUtcNow(), $"{r.Name} published {r.PublishedAt:u}, in the future"));
        var history = await factory.WithDatabaseAsync(db => db.ClusterUpdates.Select(u => new { u.ReleaseId, u.Status, u.Cluster!.Name }).ToListAsync());
        Assert.Equal(DemoAccounts.Clusters.Values.Select(c => c.Cluster).Order(), history.Select(h => h.Name).Order());
        Assert.All(history, h => Assert.Equal((releases[0].Id, UpdateStatus.Succeeded), (h.ReleaseId, h.Status)));

        // The demo clusters initialize with the past release's versions, so what they run matches their history.
        var flow = new ClusterFlow(factory, new PortalSession(factory));
        foreach (var id in await factory.WithDatabaseAsync(db => db.Clusters.Select(c => c.Id).ToListAsync()))
        {
            await flow.AssertInitializedAsync(id);
        }

        var versions = await factory.WithDatabaseAsync(db => db.Clusters.Select(c => c.KubernetesVersion).Distinct().ToListAsync());
        Assert.Equal([DemoReleases.Past.Kubernetes], versions);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.FabrikamMember.Email);
        var page = await member.GetDocumentAsync($"/Clusters/{await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Name == "fabrikam-apps").Select(c => c.Id).SingleAsync())}/Updates");
        Assert.Equal("Succeeded", page.QuerySelector("[data-testid=past-updates] tr[data-release='2026 Q1']")!.GetAttribute("data-status"));
        Assert.NotNull(page.QuerySelector("[data-testid=upcoming-updates] tr[data-release='2026 Q2']"));
    }
}
