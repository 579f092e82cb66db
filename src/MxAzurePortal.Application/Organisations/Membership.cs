using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Organisations;

/// <summary>A user's place in one customer organisation. A user belongs to at most one organisation.</summary>
public sealed class Membership : ITenantOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public required string UserId { get; set; }

    public OrganisationRole Role { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
