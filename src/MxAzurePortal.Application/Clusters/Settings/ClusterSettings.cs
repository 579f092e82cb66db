namespace MxAzurePortal.Application.Clusters.Settings;

/// <summary>
/// What a customer chooses for a cluster. <see cref="ClusterRules"/> says whether Azure will accept it,
/// so a mistake shows up on the form rather than as a failed deployment.
/// </summary>
public sealed record ClusterSettings
{
    /// <summary>The system pool's autoscaler minimum: AKS needs 2 nodes and recommends 3.</summary>
    public const int MinNodeCount = 3;

    /// <summary>The Azure CNI default, which is also the least AKS allows on a system pool.</summary>
    public const int MaxPodsPerNode = 30;

    public required string SubscriptionId { get; init; }

    public required string ResourceGroup { get; init; }

    public bool CreateResourceGroup { get; init; }

    public required string Region { get; init; }

    public string SubnetPrefix { get; init; } = "192.168.0.0/22";

    public LoadBalancerExposure LoadBalancer { get; init; } = LoadBalancerExposure.Public;

    public AksTier AksTier { get; init; } = AksTier.Free;

    public string NodeVmSize { get; init; } = "Standard_D4s_v5";

    public int MaxNodeCount { get; init; } = 5;

    public PostgresTier PostgresTier { get; init; } = PostgresTier.GeneralPurpose;

    public string PostgresSku { get; init; } = "Standard_D2ds_v5";

    public int StorageSizeGiB { get; init; } = 128;

    public string StoragePerformanceTier { get; init; } = "P10";

    public GrafanaAccess GrafanaAccess { get; init; } = GrafanaAccess.Public;

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
}
