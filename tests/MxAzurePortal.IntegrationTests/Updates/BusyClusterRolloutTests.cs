using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Updates;

/// <summary>The rollout worker on its own: a cluster busy with another run waits, and is updated once that run ends.</summary>
public sealed class BusyClusterRolloutTests
{
    [Fact]
    public async Task A_cluster_busy_with_another_run_is_updated_by_the_worker_once_that_run_ends()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string> { ["ServiceUpdates:PollMilliseconds"] = "100" });
        var flow = new ClusterFlow(factory, await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email));
        var id = await flow.CreateAndInitializeAsync("upd-busy");
        await flow.AssertInitializedAsync(id);
        var otherRun = await factory.WithDatabaseAsync(async db =>
        {
            var cluster = await db.Clusters.SingleAsync(c => c.Id == id);
            // A change another instance is driving, under a lease that outlasts the test.
            var run = new ClusterRun
            {
                OrganisationId = cluster.OrganisationId,
                ClusterId = id,
                Kind = RunKind.Change,
                Status = RunStatus.Running,
                RequestedBy = "test",
                LeaseOwner = "another-instance",
                LeaseExpiresAt = PortalFactory.Start.AddDays(60),
            };
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });
        var admin = await PortalSession.SignedInAsync(factory, DemoAccounts.Administrator.Email);
        var release = await Releases.PublishedAsync(admin, "2026 Q2", "1.32.4", "2.22.0", new DateOnly(2026, 3, 2));

        factory.Clock.Advance(TimeSpan.FromDays(1));
        await Task.Delay(1000);
        admin = await PortalSession.SignedInAsync(factory, DemoAccounts.Administrator.Email);

        Assert.False(await factory.WithDatabaseAsync(db => db.ClusterUpdates.AnyAsync(u => u.ClusterId == id)));
        Assert.Contains("1 waiting", (await admin.GetDocumentAsync($"/Admin/Releases/{release}")).QuerySelector("[data-testid=release-counts]")!.TextContent, StringComparison.Ordinal);

        await factory.WithDatabaseAsync(db => db.Runs.Where(r => r.Id == otherRun)
            .ExecuteUpdateAsync(r => r.SetProperty(x => x.Status, RunStatus.Succeeded).SetProperty(x => x.LeaseOwner, (string?)null)));
        var outcome = await WaitForAsync(factory, () => factory.WithDatabaseAsync(db => db.ClusterUpdates
            .Where(u => u.ClusterId == id && (u.Status == UpdateStatus.Succeeded || u.Status == UpdateStatus.Failed))
            .Select(u => new { u.Status, u.Error, u.Cluster!.KubernetesVersion, Completed = u.Release!.CompletedAt != null }).SingleOrDefaultAsync()));

        Assert.Equal(UpdateStatus.Succeeded, outcome.Status);
        Assert.Equal("1.32.4", outcome.KubernetesVersion);
        Assert.Equal(1, await factory.WithDatabaseAsync(db => db.Runs.CountAsync(r => r.ClusterId == id && r.Kind == RunKind.Update)));
        await WaitForAsync(factory, async () => await factory.WithDatabaseAsync(db => db.ServiceReleases.AnyAsync(r => r.Id == release && r.CompletedAt != null)) ? "done" : null);
    }

    private static async Task<T> WaitForAsync<T>(PortalFactory factory, Func<Task<T?>> probe)
    {
        _ = factory;
        for (var i = 0; i < 600; i++)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The rollout did not get there in time.");
    }
}
