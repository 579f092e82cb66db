namespace MxAzurePortal.Application.Clusters;

public sealed record ClusterListItem(Guid Id, string Name, string Region, ClusterStatus Status, DateTimeOffset CreatedAt);

public sealed record ClusterOverview(
    Guid Id,
    string Name,
    string OrganisationName,
    string Region,
    ClusterStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
