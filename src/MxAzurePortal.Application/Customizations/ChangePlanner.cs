using System.Text.Json.Nodes;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Application.Customizations;

/// <summary>
/// The ARM calls each customization needs, as steps of a change run: PATCHes of just the changed parts, the tags
/// resource for tags, and agent pool PUTs where AKS requires them.
/// </summary>
public static class ChangePlanner
{
    public const string AddNodePoolStep = "add-node-pool";

    public static IReadOnlyList<(string Key, string Name, string DependsOn)> Steps(Customization kind) => kind switch
    {
        Customization.Tags => [("tags", "Replace the custom tags on every resource and node pool", "")],
        Customization.AksTier => [("aks-tier", "Change the AKS pricing tier and support plan", "")],
        Customization.NodeVmSize =>
        [
            (AddNodePoolStep, "Add a system node pool with the new VM size", ""),
            ("remove-node-pool", "Cordon, drain and delete the old node pool", AddNodePoolStep),
        ],
        Customization.MaxNodeCount => [("autoscaler", "Change the autoscaler's maximum node count", "")],
        Customization.Postgres => [("postgresql-compute", "Change PostgreSQL compute and storage performance tier", "")],
        Customization.LoadBalancer => [("load-balancer", "Change the load balancer exposure of the Mendix Operator", "")],
        Customization.GrafanaAccess => [("grafana-access", "Change Managed Grafana's network access", "")],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a customization."),
    };

    /// <summary>
    /// The requests of one step. <paramref name="target"/> holds the settings after the change; a VM size change also
    /// removes the <paramref name="leftoverPools"/> an earlier, failed one left.
    /// </summary>
    public static IReadOnlyList<AzureResourceRequest> Requests(
        string key, ClusterNames target, string pool, string? newPool, IReadOnlyList<string>? leftoverPools = null) => key switch
    {
        "tags" => [.. TaggedResources(target), AgentPool(target, pool, target.Settings.NodeVmSize)],
        "aks-tier" => [Patch(target.Aks, new JsonObject
        {
            ["sku"] = new JsonObject { ["name"] = "Base", ["tier"] = target.Settings.AksTier.ToString() },
            ["properties"] = new JsonObject
            {
                ["supportPlan"] = target.Settings.AksTier == AksTier.Premium ? "AKSLongTermSupport" : "KubernetesOfficial",
            },
        })],
        AddNodePoolStep => [AgentPool(target, newPool ?? throw new InvalidOperationException("A VM size change names its new pool."), target.Settings.NodeVmSize)],
        "remove-node-pool" => [.. new[] { pool }.Concat(leftoverPools ?? []).Distinct(StringComparer.Ordinal)
            .Select(p => new AzureResourceRequest($"{target.Aks}/agentPools/{p}", null) { Operation = AzureOperation.Delete })],
        "autoscaler" => [AgentPool(target, pool, target.Settings.NodeVmSize)],
        "postgresql-compute" => [Patch(target.Postgres, new JsonObject
        {
            ["sku"] = new JsonObject { ["name"] = target.Settings.PostgresSku, ["tier"] = target.Settings.PostgresTier.ToString() },
            ["properties"] = new JsonObject { ["storage"] = new JsonObject { ["tier"] = target.Settings.StoragePerformanceTier } },
        })],
        "load-balancer" => [Patch(target.Extension("mendix-operator"), new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["configurationSettings"] = new JsonObject
                {
                    ["mendix.loadBalancer"] = target.Settings.LoadBalancer == LoadBalancerExposure.Internal ? "internal" : "public",
                },
            },
        })],
        "grafana-access" => [Patch(target.Grafana, new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["publicNetworkAccess"] = target.Settings.GrafanaAccess == GrafanaAccess.Public ? "Enabled" : "Disabled",
            },
        })],
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a change step."),
    };

    /// <summary>The next pool name: AKS pool names are 1-12 lowercase letters and digits.</summary>
    public static string NextPoolName(string pool) => $"system{PoolNumber(pool) + 1}";

    /// <summary>The next pool name after the cluster's pool and any left by failed changes, so none is reused.</summary>
    public static string NextPoolName(string pool, IEnumerable<string> leftoverPools) =>
        NextPoolName(leftoverPools.Append(pool).MaxBy(PoolNumber)!);

    private static int PoolNumber(string pool) =>
        pool == ClusterBlueprint.SystemPool ? 1 : int.Parse(pool[6..], System.Globalization.CultureInfo.InvariantCulture);

    public static AzureResourceRequest AgentPool(ClusterNames n, string pool, string vmSize) =>
        new($"{n.Aks}/agentPools/{pool}", null) { Properties = ClusterBlueprint.SystemPoolProperties(n, vmSize) };

    /// <summary>Every resource of the cluster that carries tags (not the customer's own resource group).</summary>
    private static IEnumerable<AzureResourceRequest> TaggedResources(ClusterNames n) =>
        ClusterBlueprint.Steps.SelectMany(s => s.Requests(n))
            .Where(r => r.Tags.Count > 0 && !r.MustExist)
            .Select(r => new AzureResourceRequest(r.ResourceId, null) { Operation = AzureOperation.ReplaceTags, Tags = n.Tags });

    private static AzureResourceRequest Patch(string resourceId, JsonObject body) =>
        new(resourceId, null) { Operation = AzureOperation.Patch, Properties = body };
}
