using System.Text.Json.Nodes;

namespace MxAzurePortal.Application.Azure;

/// <summary>The desired state of one ARM resource (or resource group).</summary>
public sealed record AzureResourceRequest(string ResourceId, string? Location)
{
    public JsonObject? Properties { get; init; }

    public AzureSku? Sku { get; init; }

    public string? Kind { get; init; }

    public bool SystemAssignedIdentity { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The resource is the customer's own (an existing resource group): check it exists, never change it.</summary>
    public bool MustExist { get; init; }

    public AzureOperation Operation { get; init; } = AzureOperation.Put;
}

/// <summary>How a request reaches ARM.</summary>
public enum AzureOperation
{
    /// <summary>Create or replace with the whole desired state.</summary>
    Put = 0,

    /// <summary>Change only the given parts (<see cref="AzureResourceRequest.Properties"/> holds the PATCH body).</summary>
    Patch = 1,

    /// <summary>Replace the resource's tags through its Microsoft.Resources/tags resource.</summary>
    ReplaceTags = 2,

    Delete = 3,
}

public sealed record AzureSku(string Name, string? Tier = null);

public sealed record AzureResourceState(string ResourceId, string? ProvisioningState, JsonObject? Properties, IReadOnlyDictionary<string, string> Tags);

public sealed record SubscriptionAccess(bool Reachable, string? State, bool HasOwnerRole, string? Problem);

public sealed record VcpuQuota(string Family, int Used, int Limit);

/// <summary>What a region offers this subscription: VM sizes, PostgreSQL SKUs and vCPU quota.</summary>
public sealed record RegionOffer(
    IReadOnlySet<string> VmSizes,
    IReadOnlySet<string> PostgresSkus,
    VcpuQuota RegionalQuota,
    IReadOnlyDictionary<string, VcpuQuota> FamilyQuotas,
    IReadOnlyDictionary<string, string> VmSizeFamilies);

public enum GlobalNameKind
{
    StorageAccount,
    ContainerRegistry,
}

public sealed record NameAvailability(bool Available, string? Reason, string? Message);
