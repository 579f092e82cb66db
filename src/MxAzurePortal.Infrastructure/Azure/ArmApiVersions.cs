namespace MxAzurePortal.Infrastructure.Azure;

/// <summary>
/// The ARM API version of every resource type the portal manages, pinned so a request is exactly what was tested
/// (and so the SDK never asks the provider endpoint which versions exist).
/// </summary>
public static class ArmApiVersions
{
    public static readonly IReadOnlyDictionary<string, string> ByResourceType = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Resources/resourceGroups"] = "2024-03-01",
        ["Microsoft.Resources/tags"] = "2024-03-01",
        ["Microsoft.Network/virtualNetworks"] = "2024-05-01",
        ["Microsoft.Network/privateDnsZones"] = "2024-06-01",
        ["Microsoft.Network/privateDnsZones/virtualNetworkLinks"] = "2024-06-01",
        ["Microsoft.Network/privateEndpoints"] = "2024-05-01",
        ["Microsoft.ContainerService/managedClusters"] = "2025-10-01",
        ["Microsoft.ContainerService/managedClusters/agentPools"] = "2025-10-01",
        ["Microsoft.DBforPostgreSQL/flexibleServers"] = "2025-08-01",
        ["Microsoft.Storage/storageAccounts"] = "2023-05-01",
        ["Microsoft.ContainerRegistry/registries"] = "2023-07-01",
        ["Microsoft.Monitor/accounts"] = "2023-04-03",
        ["Microsoft.Dashboard/grafana"] = "2023-09-01",
        ["Microsoft.KubernetesConfiguration/extensions"] = "2023-05-01",
    };

    public const string Subscriptions = "2022-12-01";
    public const string Providers = "2021-04-01";
    public const string RoleAssignments = "2022-04-01";
    public const string ComputeSkus = "2021-07-01";
    public const string ComputeUsages = "2023-09-01";
    public const string PostgresCapabilities = "2025-08-01";
    public const string StorageNameCheck = "2023-05-01";
    public const string RegistryNameCheck = "2023-07-01";
    public const string PolicyStates = "2019-10-01";
    public const string PolicyExemptions = "2022-07-01-preview";
}
