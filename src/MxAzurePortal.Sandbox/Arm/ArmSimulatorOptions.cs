namespace MxAzurePortal.Sandbox.Arm;

/// <summary>
/// The <c>Sandbox:Arm</c> section: how the Azure Resource Manager simulator behaves, including the faults it injects.
/// </summary>
public sealed class ArmSimulatorOptions
{
    public const string SectionName = "Sandbox:Arm";

    /// <summary>The https address the adapter is given; requests to it are routed to the simulator on loopback.</summary>
    public const string PublicEndpoint = "https://management.sandbox.invalid";

    /// <summary>Multiplies every latency: 1 is the default demo pace, 0 answers at once (tests).</summary>
    public double LatencyScale { get; set; } = 1.0;

    /// <summary>Seconds a long-running PUT or DELETE takes, by resource type (case-insensitive); others take <see cref="DefaultLatencySeconds"/>.</summary>
    public Dictionary<string, double> LatencySeconds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Microsoft.Resources/resourceGroups"] = 0,
        ["Microsoft.Network/virtualNetworks"] = 1,
        ["Microsoft.Network/privateDnsZones"] = 1,
        ["Microsoft.Network/privateDnsZones/virtualNetworkLinks"] = 1,
        ["Microsoft.Network/privateEndpoints"] = 1.5,
        ["Microsoft.ContainerService/managedClusters"] = 8,
        ["Microsoft.ContainerService/managedClusters/agentPools"] = 4,
        ["Microsoft.DBforPostgreSQL/flexibleServers"] = 6,
        ["Microsoft.Storage/storageAccounts"] = 2,
        ["Microsoft.ContainerRegistry/registries"] = 2,
        ["Microsoft.Monitor/accounts"] = 2,
        ["Microsoft.Dashboard/grafana"] = 3,
        ["Microsoft.KubernetesConfiguration/extensions"] = 2,
    };

    public double DefaultLatencySeconds { get; set; } = 1;

    /// <summary>Every Nth request answers 429 Too Many Requests (0: never).</summary>
    public int ThrottleEveryNthRequest { get; set; }

    /// <summary>Chaos: the share of requests (0 to 1) answered at random with 409, 429, 500 or 503 instead.</summary>
    public double FaultRate { get; set; }

    /// <summary>The seed of the chaos, so a run of faults can be repeated.</summary>
    public int FaultSeed { get; set; } = 42;

    /// <summary>The wait a 429 asks for, in milliseconds (sent as Retry-After seconds, rounded up, and retry-after-ms).</summary>
    public int RetryAfterMilliseconds { get; set; } = 1000;

    /// <summary>By resource type: how many of the next PUTs end Failed (ARM error InternalServerError).</summary>
    public Dictionary<string, int> FailPuts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>By resource type: how many of the next PUTs are refused at once with 409 AnotherOperationInProgress.</summary>
    public Dictionary<string, int> ConflictPuts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// By resource type: how many of the next DELETEs are refused, as AKS refuses to delete a node pool whose pods a
    /// disruption budget keeps from draining (ARM error PodDrainFailure).
    /// </summary>
    public Dictionary<string, int> FailDeletes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// By resource type: how many of the next PUTs to a resource of that type get no answer at all: the connection is
    /// closed before a response, as when the network between the portal and Azure fails.
    /// </summary>
    public Dictionary<string, int> DropPuts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public List<string> UnregisteredProviders { get; set; } = [];

    public List<string> UnreachableSubscriptions { get; set; } = [];

    public List<string> SubscriptionsWithoutOwner { get; set; } = [];

    /// <summary>"region/size" pairs not offered (e.g. "westeurope/Standard_E8s_v5").</summary>
    public List<string> UnavailableSkus { get; set; } = [];

    public int RegionalVcpuQuota { get; set; } = 200;

    /// <summary>Storage account and registry names already taken elsewhere in Azure.</summary>
    public List<string> TakenNames { get; set; } = [];

    /// <summary>A file that keeps the simulated resources across restarts of the sandbox; none: memory only.</summary>
    public string? StatePath { get; set; }
}
