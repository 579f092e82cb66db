using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Activity;

/// <summary>
/// One line of a cluster's activity log: who did what, when and from where. Append-only: the application adds
/// entries and never changes one.
/// </summary>
public sealed class ActivityEntry : ITenantOwned
{
    public long Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid? ClusterId { get; set; }

    /// <summary>Kept by name, so the log still reads after the cluster is deleted.</summary>
    public required string ClusterName { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Actor { get; set; }

    public string? ActorUserId { get; set; }

    public string? FromAddress { get; set; }

    public required string Action { get; set; }

    public required string Summary { get; set; }

    /// <summary>For staff access: the grant it happened under, so the customer sees what each grant was used for.</summary>
    public Guid? AccessGrantId { get; set; }
}
