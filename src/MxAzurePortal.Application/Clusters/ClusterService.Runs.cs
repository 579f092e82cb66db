using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Runs;

namespace MxAzurePortal.Application.Clusters;

public sealed partial class ClusterService
{
    /// <summary>After a failed initialization: a new run that repeats only the steps that did not succeed.</summary>
    public async Task<RuleResult> RerunAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        var failed = cluster?.LastRunId is { } lastRunId
            ? await db.Runs.Include(r => r.Steps).SingleOrDefaultAsync(r => r.Id == lastRunId, cancellationToken)
            : null;
        if (cluster is null || cluster.Status != ClusterStatus.Failed || failed is not { Status: RunStatus.Failed, Kind: RunKind.Initialize or RunKind.Rerun })
        {
            return RuleResult.Fail("", "Only a cluster whose initialization failed can be rerun.");
        }

        if (await MendixOnKubernetesDownAsync(cancellationToken) is { } down)
        {
            return down;
        }

        var run = Start(cluster, RunPlanner.Rerun(cluster, failed, Requester, user.UserId), ClusterStatus.Initializing);
        run.RequestedByEmail = user.Email;
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "RerunStarted",
            $"Rerun started by {Requester}: repeats {run.Steps.Count(s => s.Status == StepStatus.Pending)} step(s) that did not succeed.");

        // Of two starts at once (a double click, two managers) one wins; the other is told, not shown an error page.
        return await SaveVersionedAsync(cluster, cluster.Version, cancellationToken);
    }

    /// <summary>Queues the run for the workers and shows the cluster in the state the run puts it in.</summary>
    private ClusterRun Start(Cluster cluster, ClusterRun run, ClusterStatus status)
    {
        db.Runs.Add(run);
        cluster.Status = status;
        cluster.LastRunId = run.Id;
        return run;
    }

    /// <summary>Deletes the cluster's Azure resources as a durable run; its tickets and data follow when that succeeds.</summary>
    public async Task<RuleResult> DeleteAsync(Guid id, string confirmation, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cluster is null)
        {
            return RuleResult.Fail("", "The cluster no longer exists.");
        }

        if (!string.Equals(confirmation?.Trim(), cluster.Name, StringComparison.Ordinal))
        {
            return RuleResult.Fail("Confirmation", $"Type the cluster's name, {cluster.Name}, exactly to confirm the deletion.");
        }

        // A customization or a service update leaves the cluster Initialized while its run drives the same resources.
        if (cluster.Status is ClusterStatus.Initializing or ClusterStatus.Deleting
            || await db.Runs.AnyAsync(r => r.ClusterId == id && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running), cancellationToken))
        {
            return RuleResult.Fail("", "The cluster has a run in progress; wait until it ends before deleting the cluster.");
        }

        Start(cluster, RunPlanner.Delete(cluster, Requester, user.UserId), ClusterStatus.Deleting);
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "DeletionStarted",
            $"Deletion requested by {Requester}: the cluster's Azure resources, then its support tickets and data in the portal.");
        return await SaveVersionedAsync(cluster, cluster.Version, cancellationToken);
    }
}
