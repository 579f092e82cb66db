using System.Text.Json.Nodes;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Application.Clusters.Provisioning;

public static partial class ClusterBlueprint
{
    public const string SystemPool = "system";

    public static AzureResourceRequest KubernetesCluster(ClusterNames n) => new(n.Aks, n.Settings.Region)
    {
        Tags = n.Tags,
        SystemAssignedIdentity = true,
        Sku = new AzureSku("Base", n.Settings.AksTier.ToString()),
        Properties = Pinned(n.Versions?.Kubernetes, "kubernetesVersion", new JsonObject
        {
            ["dnsPrefix"] = n.ClusterName,
            ["supportPlan"] = n.Settings.AksTier == AksTier.Premium ? "AKSLongTermSupport" : "KubernetesOfficial",
            ["agentPoolProfiles"] = new JsonArray(SystemPoolProperties(n, n.Settings.NodeVmSize, name: SystemPool)),
            ["networkProfile"] = new JsonObject
            {
                ["networkPlugin"] = "azure",
                ["loadBalancerSku"] = "standard",
                ["serviceCidr"] = ClusterRules.ServiceRange.ToString(),
                ["dnsServiceIP"] = ClusterRules.DnsServiceAddress,
            },
            // Kubernetes versions change only with the service's quarterly releases (the portal records them); node
            // images still get AKS's weekly security patches.
            ["autoUpgradeProfile"] = new JsonObject { ["upgradeChannel"] = "none", ["nodeOSUpgradeChannel"] = "NodeImage" },
            ["ingressProfile"] = new JsonObject { ["webAppRouting"] = new JsonObject { ["enabled"] = true } },
            ["azureMonitorProfile"] = new JsonObject { ["metrics"] = new JsonObject { ["enabled"] = true } },
        }),
    };

    public static AzureResourceRequest PostgresServer(ClusterNames n) => new(n.Postgres, n.Settings.Region)
    {
        Tags = n.Tags,
        Sku = new AzureSku(n.Settings.PostgresSku, n.Settings.PostgresTier.ToString()),
        Properties = new JsonObject
        {
            ["version"] = "16",
            ["storage"] = new JsonObject
            {
                ["storageSizeGB"] = n.Settings.StorageSizeGiB,
                ["tier"] = n.Settings.StoragePerformanceTier,
                ["autoGrow"] = "Disabled",
            },
            ["network"] = new JsonObject { ["publicNetworkAccess"] = "Disabled" },
            ["authConfig"] = new JsonObject { ["activeDirectoryAuth"] = "Enabled", ["passwordAuth"] = "Disabled" },
            ["highAvailability"] = new JsonObject { ["mode"] = "Disabled" },
        },
    };

    public static AzureResourceRequest StorageAccount(ClusterNames n) => new(n.StorageAccount, n.Settings.Region)
    {
        Tags = n.Tags,
        Kind = "StorageV2",
        Sku = new AzureSku("Standard_LRS"),
        Properties = new JsonObject
        {
            ["minimumTlsVersion"] = "TLS1_2",
            ["allowBlobPublicAccess"] = false,
            ["publicNetworkAccess"] = "Disabled",
            ["supportsHttpsTrafficOnly"] = true,
        },
    };

    public static AzureResourceRequest ContainerRegistry(ClusterNames n) => new(n.Registry, n.Settings.Region)
    {
        Tags = n.Tags,
        Sku = new AzureSku("Premium"),
        Properties = new JsonObject { ["adminUserEnabled"] = false, ["publicNetworkAccess"] = "Disabled" },
    };

    public static AzureResourceRequest MonitorWorkspace(ClusterNames n) => new(n.MonitorWorkspace, n.Settings.Region)
    {
        Tags = n.Tags,
        Properties = [],
    };

    public static AzureResourceRequest ManagedGrafana(ClusterNames n) => new(n.Grafana, n.Settings.Region)
    {
        Tags = n.Tags,
        SystemAssignedIdentity = true,
        Sku = new AzureSku("Standard"),
        Properties = new JsonObject
        {
            ["publicNetworkAccess"] = n.Settings.GrafanaAccess == GrafanaAccess.Public ? "Enabled" : "Disabled",
            ["grafanaIntegrations"] = new JsonObject
            {
                ["azureMonitorWorkspaceIntegrations"] = new JsonArray(new JsonObject { ["azureMonitorWorkspaceResourceId"] = n.MonitorWorkspace }),
            },
        },
    };

    private static AzureResourceRequest Extension(ClusterNames n, string name, string extensionType, string? version) => new(n.Extension(name), null)
    {
        Properties = Pinned(version, "version", new JsonObject
        {
            ["extensionType"] = extensionType,
            ["autoUpgradeMinorVersion"] = version is null,
            ["configurationSettings"] = new JsonObject
            {
                ["mendix.clusterId"] = n.ClusterId.ToString(),
                ["mendix.loadBalancer"] = n.Settings.LoadBalancer == LoadBalancerExposure.Internal ? "internal" : "public",
                ["mendix.postgresServer"] = n.Postgres,
                ["mendix.storageAccount"] = n.StorageAccount,
                ["mendix.registry"] = n.Registry,
            },
        }),
    };

    /// <summary>Adds the version a run installs, when it names one; without, Azure chooses its default.</summary>
    private static JsonObject Pinned(string? version, string property, JsonObject properties)
    {
        if (version is not null)
        {
            properties[property] = version;
        }

        return properties;
    }

    /// <summary>The system node pool, as a profile of the managed cluster (with its name) or as an agent pool's properties.</summary>
    public static JsonObject SystemPoolProperties(ClusterNames n, string vmSize, string? name = null)
    {
        var pool = new JsonObject();
        if (name is not null)
        {
            pool["name"] = name;
        }

        pool["mode"] = "System";
        pool["vmSize"] = vmSize;
        pool["count"] = ClusterSettings.MinNodeCount;
        pool["minCount"] = ClusterSettings.MinNodeCount;
        pool["maxCount"] = n.Settings.MaxNodeCount;
        pool["enableAutoScaling"] = true;
        pool["maxPods"] = ClusterSettings.MaxPodsPerNode;
        pool["vnetSubnetID"] = n.NodeSubnet;
        pool["tags"] = TagsObject(n.Tags);
        return pool;
    }

    internal static JsonObject TagsObject(IReadOnlyDictionary<string, string> tags)
    {
        var json = new JsonObject();
        foreach (var (name, value) in tags)
        {
            json[name] = value;
        }

        return json;
    }
}
