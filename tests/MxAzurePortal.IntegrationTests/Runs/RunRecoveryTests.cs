using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Infrastructure.Runs;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Runs;

/// <summary>Runs survive a crash of the portal, and two portal instances on one database never drive a run twice.</summary>
public sealed class RunRecoveryTests
{
    [Fact]
    public async Task A_run_interrupted_by_a_crash_is_finished_by_the_next_instance_without_repeating_done_steps()
    {
        var database = PortalFactory.NewDatabaseFile();
        var azureState = Path.ChangeExtension(database, ".arm.json");
        var settings = new Dictionary<string, string>
        {
            ["Sandbox:Arm:StatePath"] = azureState,
            ["Sandbox:Arm:LatencySeconds:Microsoft.ContainerService/managedClusters"] = "150",
            ["Runs:LeaseSeconds"] = "30",
        };
        Guid clusterId;
        using (var first = PortalFactory.On(database, settings))
        {
            var flow = new ClusterFlow(first, await PortalSession.SignedInAsync(first, DemoAccounts.ContosoManager.Email));
            clusterId = await flow.CreateAndInitializeAsync("crash-test");
            await WaitUntilAsync(first, db => db.RunSteps.AnyAsync(s => s.Run!.ClusterId == clusterId && s.Key == "aks" && s.Status == StepStatus.Running));

            // The process dies mid-step: its lease is never released and has 30 s left on the clock.
            await first.WithDatabaseAsync(db => db.Runs.Where(r => r.ClusterId == clusterId).ExecuteUpdateAsync(run => run
                .SetProperty(r => r.LeaseOwner, "crashed-instance")
                .SetProperty(r => r.LeaseExpiresAt, PortalFactory.Start.AddSeconds(30))));
        }

        using var second = PortalFactory.On(database, settings);
        _ = second.Services;
        await Task.Delay(500);
        Assert.Equal(ClusterStatus.Initializing, await StatusAsync(second, clusterId));
        second.Clock.Advance(TimeSpan.FromSeconds(31));

        var flowAfter = new ClusterFlow(second, new PortalSession(second));
        await flowAfter.AssertInitializedAsync(clusterId);
        var starts = await second.WithDatabaseAsync(db => db.RunStepLogs
            .Where(l => l.Message.StartsWith("Started") && db.RunSteps.Any(s => s.Id == l.StepId && s.Run!.ClusterId == clusterId))
            .Join(db.RunSteps, l => l.StepId, s => s.Id, (l, s) => s.Key).ToListAsync());
        Assert.Equal(1, starts.Count(k => k == "resource-group"));
        Assert.Equal(1, starts.Count(k => k == "network"));
        Assert.Equal(2, starts.Count(k => k == "aks"));
        Assert.Equal(1, await second.WithDatabaseAsync(db => db.Runs.CountAsync(r => r.ClusterId == clusterId)));
        Assert.Single(flowAfter.Arm.Resources, r => r.Type == "Microsoft.ContainerService/managedClusters");
        Assert.Single(flowAfter.Arm.Resources, r => r.Type == "Microsoft.DBforPostgreSQL/flexibleServers");
    }

    [Fact]
    public async Task A_worker_that_stalls_past_its_own_lease_does_not_drive_its_run_a_second_time()
    {
        using var factory = PortalFactory.With(new Dictionary<string, string>
        {
            ["Sandbox:Arm:LatencySeconds:Microsoft.ContainerService/managedClusters"] = "150",
            ["Runs:LeaseSeconds"] = "30",
        });
        var flow = new ClusterFlow(factory, await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email));
        var clusterId = await flow.CreateAndInitializeAsync("lapsed-lease");
        await WaitUntilAsync(factory, db => db.RunSteps.Where(s => s.Run!.ClusterId == clusterId)
            .AllAsync(s => s.Key == "aks" ? s.Status == StepStatus.Running : s.Status != StepStatus.Running && (s.Status == StepStatus.Succeeded || s.Key == "mendix-operator" || s.Key == "mendix-agent")));

        // The instance paused (a long GC, a database busy for a while) past its lease while it still drives the run:
        // its own worker finds the run claimable again.
        factory.Clock.Advance(TimeSpan.FromSeconds(31));

        await flow.AssertInitializedAsync(clusterId);
        var starts = await factory.WithDatabaseAsync(db => db.RunStepLogs
            .Where(l => l.Message.StartsWith("Started") && db.RunSteps.Any(s => s.Id == l.StepId && s.Run!.ClusterId == clusterId))
            .Join(db.RunSteps, l => l.StepId, s => s.Id, (l, s) => s.Key).ToListAsync());
        Assert.Equal(ClusterBlueprintSteps, starts.Count);
        Assert.Equal(1, starts.Count(k => k == "aks"));
        Assert.Equal(1, flow.PutsTo("/managedClusters/lapsed-lease-aks"));
    }

    [Fact]
    public async Task Two_portal_instances_on_one_database_never_drive_the_same_run()
    {
        var database = PortalFactory.NewDatabaseFile();
        var settings = new Dictionary<string, string> { ["Runs:MaxConcurrentRuns"] = "3" };
        using var first = PortalFactory.On(database, settings);
        var azure = first.Services.GetRequiredService<ArmSimulator>();
        // Both instances talk to the same simulated Azure, as two instances would talk to the same subscription.
        using var second = PortalFactory.On(database, settings).WithWebHostBuilder(b =>
            b.ConfigureTestServices(services => services.AddSingleton(azure)));
        var workers = new[] { first.Services, second.Services }
            .Select(services => services.GetServices<IHostedService>().OfType<RunWorker>().Single().Owner).ToList();
        var ids = new List<Guid>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await DemoClusters.AddAsync(first, i % 2 == 0 ? DemoAccounts.Contoso : DemoAccounts.Fabrikam, $"twin-{i}", ClusterStatus.Initializing));
        }

        // Both instances' workers are polling when the runs appear, all in one transaction.
        IReadOnlyDictionary<Guid, IReadOnlyCollection<string>> owners;
        await using (var watch = new LeaseWatch(first, db => db.Runs.Where(r => r.LeaseOwner != null).Select(r => new Lease(r.Id, r.LeaseOwner!)).ToListAsync()))
        {
            await first.WithDatabaseAsync(async db =>
            {
                foreach (var cluster in await db.Clusters.Where(c => ids.Contains(c.Id)).ToListAsync())
                {
                    db.Runs.Add(RunPlanner.Initialize(cluster, "test", null));
                }

                return await db.SaveChangesAsync();
            });
            var flow = new ClusterFlow(first, new PortalSession(first));
            foreach (var id in ids)
            {
                await flow.AssertInitializedAsync(id);
            }

            owners = watch.Owners;
        }

        var starts = await first.WithDatabaseAsync(db => db.RunStepLogs.Where(l => l.Message.StartsWith("Started"))
            .GroupBy(l => l.StepId).Select(g => g.Count()).ToListAsync());
        var attempts = await first.WithDatabaseAsync(db => db.RunSteps.Select(s => s.Attempts).ToListAsync());
        var puts = azure.Requests.Where(r => r.Method == "PUT").GroupBy(r => r.Path.ToLowerInvariant()).Select(g => g.Count()).ToList();
        var byInstance = workers.Select(w => owners.Count(o => o.Value.Contains(w))).ToList();
        MxAzurePortal.IntegrationTests.Reliability.ReliabilityReport.Add(
            $"two instances, one SQLite file: 8 initializations, {starts.Count} steps, {starts.Count(c => c > 1)} started twice, " +
            $"{owners.Count(o => o.Value.Count > 1)} runs held by two workers (drove {byInstance[0]} and {byInstance[1]}), " +
            $"{puts.Count(c => c > 1)} resources PUT twice");
        Assert.Equal(8 * ClusterBlueprintSteps, starts.Count);
        Assert.All(starts, count => Assert.Equal(1, count));
        Assert.All(attempts, count => Assert.Equal(1, count));
        Assert.All(puts, count => Assert.Equal(1, count));
        Assert.Equal(8, owners.Count);
        Assert.All(owners.Values, held => Assert.Single(held));
        Assert.All(byInstance, runs => Assert.InRange(runs, 1, 7));
    }

    private static readonly int ClusterBlueprintSteps = MxAzurePortal.Application.Clusters.Provisioning.ClusterBlueprint.Steps.Count;

    private static Task<ClusterStatus> StatusAsync(PortalFactory factory, Guid id) =>
        factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.Status).SingleAsync());

    private static async Task WaitUntilAsync(PortalFactory factory, Func<MxAzurePortal.Infrastructure.Data.PortalDbContext, Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await factory.WithDatabaseAsync(condition))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition did not come true in time.");
    }
}
