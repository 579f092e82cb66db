using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Updates;

/// <summary>
/// Rolls out releases whose date has come: per cluster one <see cref="ClusterUpdate"/> and, where there is something to
/// do, one update run, saved together. The unique index on (release, cluster) makes that happen once even when two
/// instances roll out at the same moment; the run workers then drive the runs under their leases.
/// </summary>
public sealed partial class ReleaseRollout(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ReleaseRollout> logger)
{
    /// <summary>One pass over the due releases, oldest first; answers how many update runs it queued.</summary>
    public async Task<int> RollOutDueAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var releases = await WithDbAsync(db => db.ServiceReleases.AsNoTracking()
            .Where(r => r.CompletedAt == null && r.ScheduledOn <= today)
            .OrderBy(r => r.ScheduledOn).ThenBy(r => r.CreatedAt)
            .Select(r => r.Id).ToListAsync(cancellationToken));

        // A cluster still waiting for an earlier release must not get a later one first.
        var waiting = new HashSet<Guid>();
        var queued = 0;
        foreach (var releaseId in releases)
        {
            var (release, candidates) = await WithDbAsync(async db =>
            {
                var release = await db.ServiceReleases.AsNoTracking().SingleAsync(r => r.Id == releaseId, cancellationToken);
                var ids = await Candidates(db, release).Select(c => c.Id).ToListAsync(cancellationToken);
                return (release, ids);
            });
            foreach (var clusterId in candidates)
            {
                var outcome = waiting.Contains(clusterId) ? null : await ScheduleAsync(release, clusterId, cancellationToken);
                queued += outcome == UpdateStatus.Scheduled ? 1 : 0;
                if (outcome is null)
                {
                    waiting.Add(clusterId);
                }
            }

            await CompleteIfDoneAsync(release, cancellationToken);
        }

        return queued;
    }

    /// <summary>The clusters the release applies to that have no record for it yet (created before its date).</summary>
    private static IQueryable<Cluster> Candidates(IPortalDb db, ServiceRelease release) =>
        db.Clusters.Where(c => c.CreatedAt < release.StartsAt && !db.ClusterUpdates.Any(u => u.ReleaseId == release.Id && u.ClusterId == c.Id));

    /// <summary>Records the cluster's update (or why it is skipped); null when the cluster is busy and waits.</summary>
    private async Task<UpdateStatus?> ScheduleAsync(ServiceRelease release, Guid clusterId, CancellationToken cancellationToken)
    {
        try
        {
            return await InScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<IPortalDb>();
                var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == clusterId, cancellationToken);
                if (cluster is null || await db.ClusterUpdates.AnyAsync(u => u.ReleaseId == release.Id && u.ClusterId == clusterId, cancellationToken))
                {
                    return UpdateStatus.Skipped;
                }

                var busy = await db.Runs.AnyAsync(r => r.ClusterId == clusterId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running), cancellationToken);
                var decision = RolloutPlanner.Decide(release.Versions,
                    new RolloutCandidate(cluster.Status, busy, cluster.KubernetesVersion, cluster.OperatorVersion, cluster.AgentVersion));
                if (decision is RolloutDecision.Wait)
                {
                    return (UpdateStatus?)null;
                }

                var status = Record(sp, release, cluster, decision);
                await db.SaveChangesAsync(cancellationToken);
                LogScheduled(logger, release.Name, clusterId, status);
                return status;
            });
        }
        catch (DbUpdateException exception)
        {
            // Another instance recorded this cluster first (the unique index), or the cluster changed meanwhile.
            LogRace(logger, release.Name, clusterId, exception.GetType().Name);
            return UpdateStatus.Skipped;
        }
    }

    private UpdateStatus Record(IServiceProvider sp, ServiceRelease release, Cluster cluster, RolloutDecision decision)
    {
        var db = sp.GetRequiredService<IPortalDb>();
        var activity = sp.GetRequiredService<ActivityLog>();
        var before = UpdateRuns.Describe(cluster.KubernetesVersion, cluster.OperatorVersion, cluster.AgentVersion);
        var update = new ClusterUpdate
        {
            OrganisationId = cluster.OrganisationId,
            ReleaseId = release.Id,
            ClusterId = cluster.Id,
            FromKubernetesVersion = cluster.KubernetesVersion,
            FromOperatorVersion = cluster.OperatorVersion,
            FromAgentVersion = cluster.AgentVersion,
            ToKubernetesVersion = release.KubernetesVersion,
            ToOperatorVersion = release.OperatorVersion,
            ToAgentVersion = release.AgentVersion,
        };
        db.ClusterUpdates.Add(update);
        if (decision is RolloutDecision.Update plan)
        {
            var run = UpdateRuns.NewRun(cluster, release, plan);
            db.Runs.Add(run);
            update.RunId = run.Id;
            update.Status = UpdateStatus.Scheduled;
            cluster.LastRunId = run.Id;
            // The concurrency token: a customization saved at the same moment makes one of the two fail cleanly.
            cluster.Version++;
            activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "UpdateStarted",
                $"Service update {release.Name} started: {before} → {release.Versions}.", bySystem: true);
            return UpdateStatus.Scheduled;
        }

        var reason = ((RolloutDecision.Skip)decision).Reason;
        update.Status = UpdateStatus.Skipped;
        update.Error = reason;
        update.FinishedAt = clock.GetUtcNow();
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "UpdateSkipped", $"Service update {release.Name} skipped: {reason}", bySystem: true);
        return UpdateStatus.Skipped;
    }

    /// <summary>A release is done when every cluster it applies to has a finished outcome.</summary>
    private Task CompleteIfDoneAsync(ServiceRelease release, CancellationToken cancellationToken) =>
        WithDbAsync(async db =>
        {
            var open = await Candidates(db, release).AnyAsync(cancellationToken)
                || await db.ClusterUpdates.AnyAsync(u => u.ReleaseId == release.Id
                    && (u.Status == UpdateStatus.Scheduled || u.Status == UpdateStatus.Running), cancellationToken);
            if (!open)
            {
                var now = clock.GetUtcNow();
                await db.ServiceReleases.Where(r => r.Id == release.Id && r.CompletedAt == null)
                    .ExecuteUpdateAsync(r => r.SetProperty(x => x.CompletedAt, now), cancellationToken);
            }

            return true;
        });

    private Task<T> WithDbAsync<T>(Func<IPortalDb, Task<T>> work) =>
        InScopeAsync(sp => work(sp.GetRequiredService<IPortalDb>()));

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
        return await work(scope.ServiceProvider);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Release {Release} for cluster {ClusterId}: {Status}")]
    private static partial void LogScheduled(ILogger logger, string release, Guid clusterId, UpdateStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Release {Release} for cluster {ClusterId} was recorded by another instance ({Reason})")]
    private static partial void LogRace(ILogger logger, string release, Guid clusterId, string reason);
}
