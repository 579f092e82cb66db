using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>Adds clusters straight to the database, for tests that need some to exist.</summary>
public static class DemoClusters
{
    public static Task<Guid> AddAsync(PortalFactory factory, string organisation, string name, ClusterStatus status = ClusterStatus.Initialized) =>
        factory.WithDatabaseAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
            var cluster = new Cluster
            {
                OrganisationId = organisationId,
                Name = name,
                Region = "westeurope",
                Status = status,
                Settings = new ClusterSettings
                {
                    SubscriptionId = Guid.NewGuid().ToString(),
                    ResourceGroup = "rg-" + name,
                    CreateResourceGroup = true,
                    Region = "westeurope",
                },
            };
            db.Clusters.Add(cluster);
            await db.SaveChangesAsync();
            return cluster.Id;
        });

    /// <summary>A finished initialization run of the cluster, as the worker would leave it.</summary>
    public static Task<Guid> AddRunAsync(PortalFactory factory, Guid clusterId) =>
        factory.WithDatabaseAsync(async db =>
        {
            var cluster = await db.Clusters.SingleAsync(c => c.Id == clusterId);
            var run = RunPlanner.Initialize(cluster, "test", null);
            run.Status = RunStatus.Succeeded;
            db.Runs.Add(run);
            await db.SaveChangesAsync();
            return run.Id;
        });

    public static Task<Guid> AddContosoAsync(PortalFactory factory, string name) => AddAsync(factory, DemoAccounts.Contoso, name);
}
