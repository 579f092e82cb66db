using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Updates;

/// <summary>A customer's side of service updates: one cluster's versions, upcoming releases and update history.</summary>
public sealed class ClusterUpdatesService(IPortalDb db, TimeProvider clock)
{
    /// <summary>Null when the cluster does not exist or belongs to another organisation.</summary>
    public async Task<ClusterUpdatesView?> GetAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        // The cluster and its recorded updates in one round trip.
        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId)
            .Select(c => new
            {
                c.Id, c.Name, c.CreatedAt, c.KubernetesVersion, c.OperatorVersion, c.AgentVersion,
                Updates = db.ClusterUpdates.Where(u => u.ClusterId == c.Id).Select(u => new
                {
                    u.ReleaseId, u.Release!.Name, u.Release.ScheduledOn, u.Release.Notes, u.Status, u.FinishedAt, u.Error,
                    To = new ComponentVersions(u.ToKubernetesVersion, u.ToOperatorVersion, u.ToAgentVersion),
                    u.FromKubernetesVersion, u.FromOperatorVersion, u.FromAgentVersion,
                }).ToList(),
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (cluster is null)
        {
            return null;
        }

        var recorded = cluster.Updates.Select(u => new ClusterReleaseView(u.ReleaseId, u.Name, u.ScheduledOn, u.To, u.Notes, u.Status,
            u.FromKubernetesVersion is null && u.FromOperatorVersion is null && u.FromAgentVersion is null
                ? null
                : UpdateRuns.Describe(u.FromKubernetesVersion, u.FromOperatorVersion, u.FromAgentVersion),
            u.FinishedAt, u.Error)).ToList();

        // Releases the rollout has not reached this cluster with: still to come, or due but not yet recorded for it.
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // The releases still open are few (one a quarter); those already recorded are left out here rather than with a
        // list parameter, which would make EF Core generate the SQL on every execution under a contended lock.
        var recordedIds = recorded.Select(r => r.ReleaseId).ToHashSet();
        var open = await db.ServiceReleases.AsNoTracking()
            .Where(r => r.ScheduledOn > today || r.CompletedAt == null)
            .Select(r => new ClusterReleaseView(r.Id, r.Name, r.ScheduledOn, new ComponentVersions(r.KubernetesVersion, r.OperatorVersion, r.AgentVersion),
                r.Notes, null, null, null, null))
            .ToListAsync(cancellationToken);
        var pending = open.Where(r => !recordedIds.Contains(r.ReleaseId)
            && (r.ScheduledOn > today || cluster.CreatedAt < ServiceRelease.StartOf(r.ScheduledOn))).ToList();

        return new ClusterUpdatesView(cluster.Id, cluster.Name, cluster.KubernetesVersion, cluster.OperatorVersion, cluster.AgentVersion,
            [.. pending.Concat(recorded.Where(r => !r.IsPast)).OrderBy(r => r.ScheduledOn)],
            [.. recorded.Where(r => r.IsPast).OrderByDescending(r => r.ScheduledOn)]);
    }
}
