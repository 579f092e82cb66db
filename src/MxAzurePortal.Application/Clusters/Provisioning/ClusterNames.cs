using System.Globalization;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Application.Clusters.Provisioning;

/// <summary>
/// The Azure names and ids of a cluster's resources, derived from its name and id so every run, rerun and restart
/// PUTs the same resources (which is what makes the steps idempotent).
/// </summary>
public sealed record ClusterNames(Guid ClusterId, string ClusterName, ClusterSettings Settings)
{
    public const string ManagedByTag = "mx-managed-by";
    public const string ClusterTag = "mx-cluster";
    public const string ClusterIdTag = "mx-cluster-id";

    public static readonly IReadOnlyCollection<string> PortalManagedTags = [ManagedByTag, ClusterTag, ClusterIdTag];

    /// <summary>The component versions a run installs; null for runs that install none (changes, deletion).</summary>
    public Updates.ComponentVersions? Versions { get; init; }

    private string Suffix => ClusterId.ToString("N")[..6];

    private string Compact => ClusterName.Replace("-", "", StringComparison.Ordinal);

    public string ResourceGroupId => $"/subscriptions/{Settings.SubscriptionId}/resourceGroups/{Settings.ResourceGroup}";

    public string Id(string provider, string name) => $"{ResourceGroupId}/providers/{provider}/{name}";

    public string VirtualNetwork => Id("Microsoft.Network/virtualNetworks", $"{ClusterName}-vnet");

    public string NodeSubnet => $"{VirtualNetwork}/subnets/aks-nodes";

    public string EndpointSubnet => $"{VirtualNetwork}/subnets/private-endpoints";

    public string Aks => Id("Microsoft.ContainerService/managedClusters", $"{ClusterName}-aks");

    public string Postgres => Id("Microsoft.DBforPostgreSQL/flexibleServers", $"{ClusterName}-pg-{Suffix}");

    public string StorageAccountName => ("mx" + Compact)[..Math.Min(18, 2 + Compact.Length)] + Suffix;

    public string StorageAccount => Id("Microsoft.Storage/storageAccounts", StorageAccountName);

    public string RegistryName => ("mx" + Compact)[..Math.Min(44, 2 + Compact.Length)] + Suffix;

    public string Registry => Id("Microsoft.ContainerRegistry/registries", RegistryName);

    public string MonitorWorkspace => Id("Microsoft.Monitor/accounts", $"{ClusterName}-prometheus");

    public string Grafana => Id("Microsoft.Dashboard/grafana", $"grafana-{Suffix}");

    public string DnsZone(string zone) => Id("Microsoft.Network/privateDnsZones", zone);

    public string Endpoint(string name) => Id("Microsoft.Network/privateEndpoints", $"{ClusterName}-{name}-pe");

    public string Extension(string name) => $"{Aks}/providers/Microsoft.KubernetesConfiguration/extensions/{name}";

    /// <summary>The subnet for private endpoints: the /27 right after the node subnet (the rules check it is usable).</summary>
    public string EndpointSubnetPrefix =>
        ClusterRules.EndpointSubnetAfter(SubnetPrefix.Parse(Settings.SubnetPrefix))?.ToString()
        ?? throw new InvalidOperationException($"The node subnet {Settings.SubnetPrefix} leaves no room for the endpoints' subnet.");

    public IReadOnlyDictionary<string, string> Tags
    {
        get
        {
            var tags = new Dictionary<string, string>(Settings.Tags, StringComparer.OrdinalIgnoreCase)
            {
                [ManagedByTag] = "mendix-on-azure",
                [ClusterTag] = ClusterName,
                [ClusterIdTag] = ClusterId.ToString("D", CultureInfo.InvariantCulture),
            };
            return tags;
        }
    }
}
