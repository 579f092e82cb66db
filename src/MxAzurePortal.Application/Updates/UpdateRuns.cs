using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Runs;

namespace MxAzurePortal.Application.Updates;

/// <summary>Versions in runs: what an initialization installs, what an update run changes, and what the cluster then has.</summary>
public static class UpdateRuns
{
    /// <summary>The versions a cluster initialized today gets: the latest release whose date has come, or the baseline.</summary>
    public static async Task<ComponentVersions> CurrentAsync(IPortalDb db, DateOnly today, CancellationToken cancellationToken) =>
        await db.ServiceReleases.AsNoTracking().Where(r => r.ScheduledOn <= today)
            .OrderByDescending(r => r.ScheduledOn).ThenByDescending(r => r.CreatedAt)
            .Select(r => new ComponentVersions(r.KubernetesVersion, r.OperatorVersion, r.AgentVersion))
            .FirstOrDefaultAsync(cancellationToken)
        ?? ComponentVersions.Baseline;

    public static ComponentVersions? TargetOf(ClusterRun run) =>
        run is { TargetKubernetesVersion: { } kubernetes, TargetOperatorVersion: { } @operator, TargetAgentVersion: { } agent }
            ? new ComponentVersions(kubernetes, @operator, agent)
            : null;

    public static void Target(ClusterRun run, ComponentVersions versions)
    {
        run.TargetKubernetesVersion = versions.Kubernetes;
        run.TargetOperatorVersion = versions.Operator;
        run.TargetAgentVersion = versions.Agent;
    }

    /// <summary>The update run of one cluster for a release.</summary>
    public static ClusterRun NewRun(Cluster cluster, ServiceRelease release, RolloutDecision.Update plan)
    {
        var run = new ClusterRun
        {
            OrganisationId = cluster.OrganisationId,
            ClusterId = cluster.Id,
            Kind = RunKind.Update,
            RequestedBy = ActivityLog.System,
            Summary = $"Service release {release.Name}",
            Steps = [.. plan.Steps.Select((s, i) => new RunStep { Key = s.Key, Name = s.Name, Order = i, DependsOn = s.DependsOn })],
        };
        Target(run, release.Versions);
        return run;
    }

    /// <summary>After a successful initialization: the cluster has the versions the run installed.</summary>
    public static void Installed(Cluster cluster, ClusterRun run)
    {
        if (TargetOf(run) is { } versions)
        {
            (cluster.KubernetesVersion, cluster.OperatorVersion, cluster.AgentVersion) = (versions.Kubernetes, versions.Operator, versions.Agent);
        }
    }

    /// <summary>An update run starts: its record says so.</summary>
    public static async Task StartedAsync(IPortalDb db, ClusterRun run, CancellationToken cancellationToken)
    {
        var update = await db.ClusterUpdates.SingleOrDefaultAsync(u => u.RunId == run.Id, cancellationToken);
        if (update is { Status: UpdateStatus.Scheduled })
        {
            update.Status = UpdateStatus.Running;
        }
    }

    /// <summary>
    /// An update run ended: each component whose step succeeded has its new version (AKS keeps an upgrade that
    /// succeeded even when a later step fails), and the outcome goes to the record and the activity log.
    /// </summary>
    public static async Task FinishedAsync(
        IPortalDb db, ActivityLog activity, Cluster cluster, ClusterRun run, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var target = TargetOf(run) ?? throw new InvalidOperationException($"Update run {run.Id} names no versions.");
        var before = Describe(cluster.KubernetesVersion, cluster.OperatorVersion, cluster.AgentVersion);
        var done = run.Steps.Where(s => s.Status == StepStatus.Succeeded).Select(s => s.Key).ToHashSet();
        cluster.KubernetesVersion = done.Contains(RolloutPlanner.Kubernetes) ? target.Kubernetes : cluster.KubernetesVersion;
        cluster.OperatorVersion = done.Contains(RolloutPlanner.Operator) ? target.Operator : cluster.OperatorVersion;
        cluster.AgentVersion = done.Contains(RolloutPlanner.Agent) ? target.Agent : cluster.AgentVersion;

        var failed = run.Steps.Where(s => s.Status == StepStatus.Failed).OrderBy(s => s.Order).ToList();
        var error = failed.Count == 0 ? null : string.Join("; ", failed.Select(s => $"{s.Name}: {s.ErrorCode}: {s.ErrorMessage}"));
        cluster.LastRunId = run.Id;
        cluster.Version++;

        var update = await db.ClusterUpdates.Include(u => u.Release).SingleOrDefaultAsync(u => u.RunId == run.Id, cancellationToken);
        var release = update?.Release?.Name ?? run.Summary ?? "release";
        if (update is not null)
        {
            update.Status = error is null ? UpdateStatus.Succeeded : UpdateStatus.Failed;
            update.FinishedAt = now;
            update.Error = error is null ? null : Text.Shorten(error, 4000);
        }

        var after = Describe(cluster.KubernetesVersion, cluster.OperatorVersion, cluster.AgentVersion);
        if (error is null)
        {
            activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "UpdateSucceeded",
                $"Service update {release} applied: {before} → {after}.", bySystem: true);
        }
        else
        {
            activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "UpdateFailed",
                Text.Shorten($"Service update {release} failed ({error}). The cluster runs {after}; Mendix follows up.", 4000), bySystem: true);
        }
    }

    public static string Describe(string? kubernetes, string? @operator, string? agent) =>
        $"Kubernetes {kubernetes ?? "unknown"}, Mendix Operator {@operator ?? "unknown"}, Mendix Agent {agent ?? "unknown"}";
}
