using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Provisioning;

namespace MxAzurePortal.Application.Runs;

/// <summary>Lays out the steps of a new run; the executor then drives them.</summary>
public static class RunPlanner
{
    public const string DeletePrefix = "delete:";

    public static ClusterRun Initialize(Cluster cluster, string requestedBy, string? userId) =>
        NewRun(cluster, RunKind.Initialize, requestedBy, userId, ClusterBlueprint.Steps.Select((s, i) => new RunStep
        {
            Key = s.Key,
            Name = s.Name,
            Order = i,
            DependsOn = string.Join(',', s.DependsOn),
        }));

    /// <summary>A rerun of a failed run: what succeeded there is reused, the rest runs again.</summary>
    public static ClusterRun Rerun(Cluster cluster, ClusterRun failed, string requestedBy, string? userId)
    {
        var run = NewRun(cluster, RunKind.Rerun, requestedBy, userId, failed.Steps.OrderBy(s => s.Order).Select(s => new RunStep
        {
            Key = s.Key,
            Name = s.Name,
            Order = s.Order,
            DependsOn = s.DependsOn,
            Status = s.Status is StepStatus.Succeeded or StepStatus.Reused ? StepStatus.Reused : StepStatus.Pending,
            ResourceIds = s.ResourceIds,
        }));
        run.PreviousRunId = failed.Id;

        // The reused steps installed these versions; the rest must match them.
        run.TargetKubernetesVersion = failed.TargetKubernetesVersion;
        run.TargetOperatorVersion = failed.TargetOperatorVersion;
        run.TargetAgentVersion = failed.TargetAgentVersion;
        return run;
    }

    /// <summary>
    /// Deletion: a resource group the portal created goes as a whole; in the customer's own group each component is
    /// deleted after everything that depends on it.
    /// </summary>
    public static ClusterRun Delete(Cluster cluster, string requestedBy, string? userId)
    {
        if (cluster.Settings.CreateResourceGroup)
        {
            return NewRun(cluster, RunKind.Delete, requestedBy, userId,
                [new RunStep { Key = DeletePrefix + ClusterBlueprint.ResourceGroup, Name = "Delete the resource group and everything in it" }]);
        }

        var components = ClusterBlueprint.Steps.Where(s => s.Key != ClusterBlueprint.ResourceGroup).ToList();
        return NewRun(cluster, RunKind.Delete, requestedBy, userId, components.Select((s, i) => new RunStep
        {
            Key = DeletePrefix + s.Key,
            Name = "Delete " + s.Name,
            Order = i,
            DependsOn = string.Join(',', components.Where(d => d.DependsOn.Contains(s.Key)).Select(d => DeletePrefix + d.Key)),
        }));
    }

    /// <summary>A customization: the ARM calls it needs, and the settings the cluster has once it succeeds.</summary>
    public static ClusterRun Change(Cluster cluster, Customizations.Customization kind, Clusters.Settings.ClusterSettings target,
        string summary, string requestedBy, string? userId, IReadOnlyList<string>? leftoverPools = null)
    {
        var run = NewRun(cluster, RunKind.Change, requestedBy, userId, Customizations.ChangePlanner.Steps(kind).Select((s, i) => new RunStep
        {
            Key = s.Key,
            Name = s.Name,
            Order = i,
            DependsOn = s.DependsOn,
        }));
        run.TargetSettings = target;
        run.Summary = summary;
        if (kind == Customizations.Customization.NodeVmSize)
        {
            run.TargetNodePool = Customizations.ChangePlanner.NextPoolName(cluster.NodePoolName, leftoverPools ?? []);
            run.LeftoverNodePools = leftoverPools is { Count: > 0 } ? string.Join(',', leftoverPools) : null;
        }
        return run;
    }

    private static ClusterRun NewRun(Cluster cluster, RunKind kind, string requestedBy, string? userId, IEnumerable<RunStep> steps) => new()
    {
        OrganisationId = cluster.OrganisationId,
        ClusterId = cluster.Id,
        Kind = kind,
        RequestedBy = requestedBy,
        RequestedByUserId = userId,
        Steps = steps.ToList(),
    };
}
