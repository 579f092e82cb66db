using System.Text.Json.Nodes;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Application.Clusters.Provisioning;

/// <summary>One step of initialization: the resources it PUTs and the steps that must succeed first.</summary>
public sealed record BlueprintStep(string Key, string Name, IReadOnlyList<string> DependsOn, Func<ClusterNames, IReadOnlyList<AzureResourceRequest>> Requests);

/// <summary>
/// Everything a Mendix on Azure cluster consists of, as a graph of idempotent steps. Steps whose dependencies have
/// succeeded run in parallel; the longest chain of dependent steps is the initialization's critical path.
/// </summary>
public static partial class ClusterBlueprint
{
    public const string ResourceGroup = "resource-group";
    public const string Network = "network";
    public const string DnsZones = "private-dns";
    public const string Aks = "aks";
    public const string Postgres = "postgresql";
    public const string PostgresEndpoint = "postgresql-endpoint";
    public const string Storage = "storage";
    public const string StorageEndpoint = "storage-endpoint";
    public const string Registry = "registry";
    public const string RegistryEndpoint = "registry-endpoint";
    public const string Monitor = "monitor-workspace";
    public const string Grafana = "grafana";
    public const string Operator = "mendix-operator";
    public const string Agent = "mendix-agent";

    public static readonly IReadOnlyList<string> PrivateDnsZones =
        ["privatelink.postgres.database.azure.com", "privatelink.blob.core.windows.net", "privatelink.azurecr.io"];

    public static IReadOnlyList<BlueprintStep> Steps { get; } =
    [
        new(ResourceGroup, "Resource group", [], n =>
            [new AzureResourceRequest(n.ResourceGroupId, n.Settings.Region) { Tags = n.Tags, MustExist = !n.Settings.CreateResourceGroup }]),
        new(Network, "Virtual network and subnets", [ResourceGroup], n => [VirtualNetwork(n)]),
        new(DnsZones, "Private DNS zones", [Network], n => [.. PrivateDnsZones.SelectMany(z => DnsZone(n, z))]),
        new(Aks, "Azure Kubernetes Service", [Network], n => [KubernetesCluster(n)]),
        new(Postgres, "PostgreSQL Flexible Server", [ResourceGroup], n => [PostgresServer(n)]),
        new(PostgresEndpoint, "PostgreSQL private endpoint", [Postgres, DnsZones], n => [Endpoint(n, "pg", n.Postgres, "postgresqlServer")]),
        new(Storage, "Storage account", [ResourceGroup], n => [StorageAccount(n)]),
        new(StorageEndpoint, "Storage private endpoint", [Storage, DnsZones], n => [Endpoint(n, "blob", n.StorageAccount, "blob")]),
        new(Registry, "Container Registry", [ResourceGroup], n => [ContainerRegistry(n)]),
        new(RegistryEndpoint, "Container Registry private endpoint", [Registry, DnsZones], n => [Endpoint(n, "acr", n.Registry, "registry")]),
        new(Monitor, "Azure Monitor workspace (Managed Prometheus)", [ResourceGroup], n => [MonitorWorkspace(n)]),
        new(Grafana, "Managed Grafana", [Monitor], n => [ManagedGrafana(n)]),
        new(Operator, "Mendix Operator", [Aks, PostgresEndpoint, StorageEndpoint, RegistryEndpoint], n => [Extension(n, "mendix-operator", "Mendix.Operator", n.Versions?.Operator)]),
        new(Agent, "Mendix Agent registration", [Operator, Grafana], n => [Extension(n, "mendix-agent", "Mendix.Agent", n.Versions?.Agent)]),
    ];

    public static BlueprintStep Step(string key) => Steps.Single(s => s.Key == key);

    private static AzureResourceRequest VirtualNetwork(ClusterNames n) => new(n.VirtualNetwork, n.Settings.Region)
    {
        Tags = n.Tags,
        Properties = new JsonObject
        {
            ["addressSpace"] = new JsonObject { ["addressPrefixes"] = new JsonArray(n.Settings.SubnetPrefix, n.EndpointSubnetPrefix) },
            ["subnets"] = new JsonArray(
                Subnet("aks-nodes", n.Settings.SubnetPrefix),
                Subnet("private-endpoints", n.EndpointSubnetPrefix)),
        },
    };

    private static JsonObject Subnet(string name, string prefix) =>
        new() { ["name"] = name, ["properties"] = new JsonObject { ["addressPrefix"] = prefix } };

    private static IEnumerable<AzureResourceRequest> DnsZone(ClusterNames n, string zone) =>
    [
        new(n.DnsZone(zone), "global") { Tags = n.Tags, Properties = [] },
        new($"{n.DnsZone(zone)}/virtualNetworkLinks/{n.ClusterName}-link", "global")
        {
            Tags = n.Tags,
            Properties = new JsonObject
            {
                ["virtualNetwork"] = new JsonObject { ["id"] = n.VirtualNetwork },
                ["registrationEnabled"] = false,
            },
        },
    ];

    private static AzureResourceRequest Endpoint(ClusterNames n, string name, string target, string groupId) =>
        new(n.Endpoint(name), n.Settings.Region)
        {
            Tags = n.Tags,
            Properties = new JsonObject
            {
                ["subnet"] = new JsonObject { ["id"] = n.EndpointSubnet },
                ["privateLinkServiceConnections"] = new JsonArray(new JsonObject
                {
                    ["name"] = $"{name}-connection",
                    ["properties"] = new JsonObject { ["privateLinkServiceId"] = target, ["groupIds"] = new JsonArray(groupId) },
                }),
            },
        };
}
