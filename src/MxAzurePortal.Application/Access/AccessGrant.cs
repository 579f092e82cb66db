using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Access;

public enum AccessGrantStatus
{
    Pending = 0,
    Approved = 1,
    Denied = 2,
    Expired = 3,
    Active = 4,
    Revoked = 5,
    Complete = 6,
}

/// <summary>
/// A customer's consent to temporary direct access by Mendix staff to a cluster, from a support ticket (at most 8
/// hours). Staff access is enforced against these grants.
/// </summary>
public sealed class AccessGrant : ITenantOwned, ITimestamped
{
    public const int MaxHours = 8;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Guid ClusterId { get; set; }

    public Guid? TicketId { get; set; }

    public int DurationHours { get; set; }

    public AccessGrantStatus Status { get; set; }

    public required string GrantedBy { get; set; }

    public string? GrantedByUserId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
