using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Support;
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

    /// <summary>Many clusters of one organisation in one save, named prefix-0000, prefix-0001, ...</summary>
    public static Task AddManyAsync(PortalFactory factory, string organisation, string prefix, int count) =>
        factory.WithDatabaseAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
            db.Clusters.AddRange(Enumerable.Range(0, count).Select(i => new Cluster
            {
                OrganisationId = organisationId,
                Name = $"{prefix}-{i:D4}",
                Region = "westeurope",
                Status = ClusterStatus.Initialized,
                Settings = new ClusterSettings
                {
                    SubscriptionId = Guid.NewGuid().ToString(),
                    ResourceGroup = $"rg-{prefix}-{i:D4}",
                    CreateResourceGroup = true,
                    Region = "westeurope",
                },
            }));
            return await db.SaveChangesAsync();
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

    /// <summary>A delivered support ticket of the cluster, as Zendesk would have it on hold.</summary>
    public static Task<Guid> AddTicketAsync(PortalFactory factory, Guid clusterId, string subject = "Apps do not start", bool automatic = false) =>
        factory.WithDatabaseAsync(async db =>
        {
            var organisationId = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.OrganisationId).SingleAsync();
            var ticket = new SupportTicket
            {
                OrganisationId = organisationId, ClusterId = clusterId, Subject = subject, Description = "Every app answers 503.",
                CreatedBy = "Casey Manager", Status = TicketStatus.OnHold, ZendeskTicketId = Random.Shared.NextInt64(100_000, 999_999),
                Source = automatic ? TicketSource.Automatic : TicketSource.Manual,
            };
            db.SupportTickets.Add(ticket);
            await db.SaveChangesAsync();
            return ticket.Id;
        });

    /// <summary>An access grant of the cluster in the given state, as if requested, approved and started at the clock's now.</summary>
    public static Task<Guid> AddGrantAsync(PortalFactory factory, Guid clusterId, AccessGrantStatus status, int hours = 2) =>
        factory.WithDatabaseAsync(async db =>
        {
            var organisationId = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.OrganisationId).SingleAsync();
            var now = factory.Clock.GetUtcNow();
            var grant = new AccessGrant
            {
                OrganisationId = organisationId, ClusterId = clusterId, Source = AccessGrantSource.StaffRequest, DurationHours = hours,
                Status = status, RequestedBy = "Sam Support", Reason = "Investigating ingress errors", RequestedAt = now,
                DecidedAt = status == AccessGrantStatus.Pending ? null : now, DecidedBy = status == AccessGrantStatus.Pending ? null : "Casey Manager",
                ActivatedAt = status == AccessGrantStatus.Active ? now : null, ActiveUntil = status == AccessGrantStatus.Active ? now.AddHours(hours) : null,
            };
            db.AccessGrants.Add(grant);
            await db.SaveChangesAsync();
            return grant.Id;
        });

    public static Task<Guid> AddContosoAsync(PortalFactory factory, string name) => AddAsync(factory, DemoAccounts.Contoso, name);
}
