using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.Sandbox.DemoData;

/// <summary>
/// The demo's service releases: the current quarter's, already applied to the demo clusters (so they have history
/// and are initialized with its versions), and the next quarter's, upcoming.
/// </summary>
public static class DemoReleases
{
    public static readonly ComponentVersions Past = new("1.32.4", "2.22.0", "2.22.0");

    public static readonly ComponentVersions Upcoming = new("1.33.1", "2.23.0", "2.23.0");

    public static async Task SeedAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.ServiceReleases.AnyAsync(cancellationToken))
        {
            return;
        }

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var quarter = new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1);
        var now = clock.GetUtcNow();
        var past = Release(quarter, Past, now, "Quarterly upgrade of Kubernetes, the Mendix Operator and the Mendix Agent.");
        past.CompletedAt = ServiceRelease.StartOf(quarter).AddDays(1);
        var upcoming = Release(quarter.AddMonths(3), Upcoming, now, "Kubernetes 1.33 and the next Mendix Operator and Agent.");
        db.ServiceReleases.AddRange(past, upcoming);

        var demoClusters = DemoAccounts.Clusters.Values.Select(c => c.Cluster).ToList();
        foreach (var cluster in await db.Clusters.IgnoreQueryFilters().Where(c => demoClusters.Contains(c.Name)).ToListAsync(cancellationToken))
        {
            db.ClusterUpdates.Add(new ClusterUpdate
            {
                OrganisationId = cluster.OrganisationId,
                ReleaseId = past.Id,
                ClusterId = cluster.Id,
                Status = UpdateStatus.Succeeded,
                FromKubernetesVersion = ComponentVersions.Baseline.Kubernetes,
                FromOperatorVersion = ComponentVersions.Baseline.Operator,
                FromAgentVersion = ComponentVersions.Baseline.Agent,
                ToKubernetesVersion = Past.Kubernetes,
                ToOperatorVersion = Past.Operator,
                ToAgentVersion = Past.Agent,
                FinishedAt = ServiceRelease.StartOf(quarter).AddHours(2),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    // Published two weeks ahead of its date, or today when its date is closer than that: never in the future.
    private static ServiceRelease Release(DateOnly day, ComponentVersions versions, DateTimeOffset now, string notes) => new()
    {
        Name = $"{day.Year} Q{((day.Month - 1) / 3) + 1}",
        KubernetesVersion = versions.Kubernetes,
        OperatorVersion = versions.Operator,
        AgentVersion = versions.Agent,
        ScheduledOn = day,
        Notes = notes,
        PublishedBy = ActivityLog.System,
        PublishedAt = new[] { ServiceRelease.StartOf(day).AddDays(-14), now }.Min(),
    };
}
