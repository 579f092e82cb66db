using System.Text.Json.Nodes;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Provisioning;

namespace MxAzurePortal.Application.Updates;

/// <summary>A cluster as the rollout sees it.</summary>
public sealed record RolloutCandidate(ClusterStatus Status, bool Busy, string? Kubernetes, string? Operator, string? Agent);

/// <summary>What the rollout does with one cluster for one release.</summary>
public abstract record RolloutDecision
{
    /// <summary>Busy with another run: tried again on a later pass.</summary>
    public sealed record Wait(string Reason) : RolloutDecision;

    /// <summary>Not updated for this release; recorded with the reason.</summary>
    public sealed record Skip(string Reason) : RolloutDecision;

    /// <summary>An update run with these steps, in order.</summary>
    public sealed record Update(IReadOnlyList<(string Key, string Name, string DependsOn)> Steps) : RolloutDecision;
}

/// <summary>
/// Decides, per cluster, whether a release updates it and with which steps: Kubernetes first (AKS upgrades control
/// plane and nodes and reports Succeeded when done), then the Mendix Operator, then the Mendix Agent.
/// </summary>
public static class RolloutPlanner
{
    public const string Kubernetes = "update-kubernetes";
    public const string Operator = "update-mendix-operator";
    public const string Agent = "update-mendix-agent";

    public static RolloutDecision Decide(ComponentVersions target, RolloutCandidate cluster)
    {
        if (cluster.Busy || cluster.Status is ClusterStatus.Initializing or ClusterStatus.Deleting)
        {
            return new RolloutDecision.Wait("Another run of the cluster is in progress.");
        }

        switch (cluster.Status)
        {
            case ClusterStatus.ReadyToInitialize:
                return new RolloutDecision.Skip("Not initialized yet: it gets this release's versions when it is initialized.");
            case ClusterStatus.Failed:
                return new RolloutDecision.Skip("The cluster is in Failed status, so it was not updated; once it is initialized again, the next release updates it.");
        }

        var steps = new List<(string Key, string Name, string DependsOn)>();
        void Add(string key, string name, string? current, string wanted)
        {
            if (current != wanted)
            {
                steps.Add((key, name, steps.Count == 0 ? "" : steps[^1].Key));
            }
        }

        Add(Kubernetes, "Upgrade Kubernetes (control plane and node pools)", cluster.Kubernetes, target.Kubernetes);
        Add(Operator, "Update the Mendix Operator", cluster.Operator, target.Operator);
        Add(Agent, "Update the Mendix Agent", cluster.Agent, target.Agent);
        return steps.Count == 0
            ? new RolloutDecision.Skip("The cluster has these versions already.")
            : new RolloutDecision.Update(steps);
    }

    /// <summary>
    /// The changes of one update step; <paramref name="n"/> carries the release's versions. A Kubernetes upgrade moves
    /// the control plane, then the cluster's node <paramref name="pool"/>, as AKS upgrades them in that order.
    /// </summary>
    public static IReadOnlyList<AzureResourceRequest> Requests(string key, ClusterNames n, string pool)
    {
        var versions = n.Versions ?? throw new InvalidOperationException("An update run names the versions it installs.");
        return key switch
        {
            Kubernetes =>
            [
                Patch(n.Aks, new JsonObject { ["kubernetesVersion"] = versions.Kubernetes }),
                Patch($"{n.Aks}/agentPools/{pool}", new JsonObject { ["orchestratorVersion"] = versions.Kubernetes }),
            ],
            Operator => [Patch(n.Extension(ClusterBlueprint.Operator), ExtensionVersion(versions.Operator))],
            Agent => [Patch(n.Extension(ClusterBlueprint.Agent), ExtensionVersion(versions.Agent))],
            _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not an update step."),
        };
    }

    // A pinned extension version requires minor auto-upgrades off: the release decides the version.
    private static JsonObject ExtensionVersion(string version) => new() { ["version"] = version, ["autoUpgradeMinorVersion"] = false };

    private static AzureResourceRequest Patch(string resourceId, JsonObject properties) =>
        new(resourceId, null) { Operation = AzureOperation.Patch, Properties = new JsonObject { ["properties"] = properties } };
}
