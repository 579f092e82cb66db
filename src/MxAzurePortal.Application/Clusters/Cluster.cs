using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Organisations;

namespace MxAzurePortal.Application.Clusters;

/// <summary>A Mendix on Azure cluster in a resource group of the customer's own subscription.</summary>
public sealed class Cluster : ITenantOwned, ITimestamped
{
    public const int NameMaxLength = 40;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public required string Name { get; set; }

    public required string Region { get; set; }

    public ClusterStatus Status { get; set; } = ClusterStatus.ReadyToInitialize;

    /// <summary>What the customer chose; the Azure side is derived from it (see <see cref="Provisioning.ClusterNames"/>).</summary>
    public required Settings.ClusterSettings Settings { get; set; }

    /// <summary>The latest pre-flight report, as JSON, so the setup pages show it until the checks run again.</summary>
    public string? PreflightReport { get; set; }

    /// <summary>The AKS system node pool now in use; a VM size change replaces it with a new pool.</summary>
    public string NodePoolName { get; set; } = Provisioning.ClusterBlueprint.SystemPool;

    /// <summary>When the PostgreSQL storage performance tier was last raised: it cannot be lowered for 12 hours.</summary>
    public DateTimeOffset? StorageTierRaisedAt { get; set; }

    /// <summary>The installed component versions; null until the cluster is initialized.</summary>
    public string? KubernetesVersion { get; set; }

    public string? OperatorVersion { get; set; }

    public string? AgentVersion { get; set; }

    /// <summary>The run that last changed the cluster's status.</summary>
    public Guid? LastRunId { get; set; }

    /// <summary>Optimistic concurrency: bumped on every change, so a stale edit is detected.</summary>
    public int Version { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
