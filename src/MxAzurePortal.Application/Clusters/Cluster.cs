using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Organisations;

namespace MxAzurePortal.Application.Clusters;

/// <summary>A Mendix on Azure cluster in a resource group of the customer's own subscription.</summary>
public sealed class Cluster : ITenantOwned, ITimestamped
{
    public const int NameMaxLength = 63;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Organisation? Organisation { get; set; }

    public required string Name { get; set; }

    public required string Region { get; set; }

    public ClusterStatus Status { get; set; } = ClusterStatus.ReadyToInitialize;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
