using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Updates;

/// <summary>A customer's side of service updates: one cluster's versions, upcoming releases and update history.</summary>
public sealed class ClusterUpdatesService(IPortalDb db, TimeProvider clock)
{
    private sealed record ReleaseRow(
        Guid Id, string Name, DateOnly ScheduledOn, string? Notes, string KubernetesVersion, string OperatorVersion, string AgentVersion,
        bool Recorded, UpdateStatus? Status, DateTimeOffset? FinishedAt, string? Error,
        string? ToKubernetes, string? ToOperator, string? ToAgent, string? FromKubernetes, string? FromOperator, string? FromAgent);

    // Compiled once: every Cluster Overview reads it.
    private static readonly Func<DbContext, Guid, DateOnly, IAsyncEnumerable<ReleaseRow>> ReleasesQuery =
        EF.CompileAsyncQuery((DbContext db, Guid clusterId, DateOnly today) =>
            from r in db.Set<ServiceRelease>().AsNoTracking()
            join u in db.Set<ClusterUpdate>().AsNoTracking().Where(u => u.ClusterId == clusterId) on r.Id equals u.ReleaseId into updates
            from u in updates.DefaultIfEmpty()
            where u != null || r.ScheduledOn > today || r.CompletedAt == null
            select new ReleaseRow(
                r.Id, r.Name, r.ScheduledOn, r.Notes, r.KubernetesVersion, r.OperatorVersion, r.AgentVersion,
                u != null,
                u == null ? null : u.Status,
                u == null ? null : u.FinishedAt,
                u == null ? null : u.Error,
                u == null ? null : u.ToKubernetesVersion,
                u == null ? null : u.ToOperatorVersion,
                u == null ? null : u.ToAgentVersion,
                u == null ? null : u.FromKubernetesVersion,
                u == null ? null : u.FromOperatorVersion,
                u == null ? null : u.FromAgentVersion));

    /// <summary>Null when the cluster does not exist or belongs to another organisation.</summary>
    public async Task<ClusterUpdatesView?> GetAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.AsNoTracking().Where(c => c.Id == clusterId)
            .Select(c => new UpdatedCluster(c.Id, c.Name, c.CreatedAt, c.KubernetesVersion, c.OperatorVersion, c.AgentVersion))
            .SingleOrDefaultAsync(cancellationToken);
        return cluster is null ? null : await GetAsync(cluster, cancellationToken);
    }

    /// <summary>
    /// The updates of a cluster the caller has read already (the Cluster Overview): one statement for the releases
    /// still open and those recorded for the cluster, its update's outcome joined to each.
    /// </summary>
    public async Task<ClusterUpdatesView> GetAsync(UpdatedCluster cluster, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        // The releases still open are few (one a quarter), and the cluster's own updates are one per release.
        var rows = await ReleasesQuery(db.Context(), cluster.Id, today).ToListAsync(cancellationToken);

        var recorded = rows.Where(u => u.Recorded).Select(u => new ClusterReleaseView(u.Id, u.Name, u.ScheduledOn,
            new ComponentVersions(u.ToKubernetes!, u.ToOperator!, u.ToAgent!), u.Notes, u.Status,
            u.FromKubernetes is null && u.FromOperator is null && u.FromAgent is null
                ? null
                : UpdateRuns.Describe(u.FromKubernetes, u.FromOperator, u.FromAgent),
            u.FinishedAt, u.Error)).ToList();

        // Releases the rollout has not reached this cluster with: still to come, or due but not yet recorded for it.
        var pending = rows.Where(r => !r.Recorded && (r.ScheduledOn > today || cluster.CreatedAt < ServiceRelease.StartOf(r.ScheduledOn)))
            .Select(r => new ClusterReleaseView(r.Id, r.Name, r.ScheduledOn, new ComponentVersions(r.KubernetesVersion, r.OperatorVersion, r.AgentVersion),
                r.Notes, null, null, null, null))
            .ToList();

        return new ClusterUpdatesView(cluster.Id, cluster.Name, cluster.Kubernetes, cluster.Operator, cluster.Agent,
            [.. pending.Concat(recorded.Where(r => !r.IsPast)).OrderBy(r => r.ScheduledOn)],
            [.. recorded.Where(r => r.IsPast).OrderByDescending(r => r.ScheduledOn)]);
    }
}
