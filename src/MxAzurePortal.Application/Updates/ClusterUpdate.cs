using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Updates;

public enum UpdateStatus
{
    /// <summary>The update run is queued.</summary>
    Scheduled = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,

    /// <summary>Not applied to this cluster, for the reason in <see cref="ClusterUpdate.Error"/>.</summary>
    Skipped = 4,
}

/// <summary>
/// What a release did to one cluster: exactly one per release and cluster (a unique index), so the rollout never
/// updates a cluster twice for a release, whatever crashes or second instances happen.
/// </summary>
public sealed class ClusterUpdate : ITenantOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Guid ReleaseId { get; set; }

    public ServiceRelease? Release { get; set; }

    public Guid ClusterId { get; set; }

    public Cluster? Cluster { get; set; }

    /// <summary>The update run; null when the cluster was skipped.</summary>
    public Guid? RunId { get; set; }

    public UpdateStatus Status { get; set; }

    /// <summary>The versions before the update; null where the portal had none recorded.</summary>
    public string? FromKubernetesVersion { get; set; }

    public string? FromOperatorVersion { get; set; }

    public string? FromAgentVersion { get; set; }

    public required string ToKubernetesVersion { get; set; }

    public required string ToOperatorVersion { get; set; }

    public required string ToAgentVersion { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Why it failed (Azure's error) or was skipped.</summary>
    public string? Error { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
