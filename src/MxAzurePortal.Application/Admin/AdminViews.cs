using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Application.Admin;

public sealed record OrganisationSummary(Guid Id, string Name, int Members, int Clusters, int FailedClusters);

public sealed record AdminOrganisationQuery(string? Search, int Page)
{
    public const int PageSize = 50;
}

/// <summary>A page of organisations by name, of <see cref="Total"/> that match the search.</summary>
public sealed record AdminOrganisationPage(IReadOnlyList<OrganisationSummary> Rows, int Page, int Total)
{
    public int Pages => Paging.Count(Total, AdminOrganisationQuery.PageSize);

    public bool HasNext => Page < Pages;
}

/// <summary>The staff's cluster search; <see cref="OrganisationId"/>, when given, keeps to that organisation's clusters.</summary>
public sealed record AdminClusterQuery(string? Search, ClusterStatus? Status, int Page, Guid? OrganisationId = null)
{
    public const int PageSize = 50;

    /// <summary>Matches are counted exactly up to this many; a page past it shows only whether more follow.</summary>
    public const int CountLimit = 1_000;
}

/// <summary>A cluster's metadata, which staff always see: never its settings, resources or logs.</summary>
public sealed record AdminClusterRow(
    Guid Id, string Name, Guid OrganisationId, string OrganisationName, string Region, ClusterStatus Status,
    RunKind? LastRunKind, RunStatus? LastRunStatus, DateTimeOffset? LastRunFinishedAt,
    string? KubernetesVersion, string? OperatorVersion, string? AgentVersion);

/// <summary>
/// A page of clusters. <see cref="Total"/> is exact when <see cref="TotalIsExact"/>; otherwise more than
/// <see cref="Total"/> clusters match and the number of pages is not known.
/// </summary>
public sealed record AdminClusterPage(IReadOnlyList<AdminClusterRow> Rows, int Page, int Total, bool TotalIsExact = true)
{
    public int Pages => Paging.Count(Total, AdminClusterQuery.PageSize);

    public bool HasNext => !TotalIsExact || Page < Pages;
}

public sealed record AdminRunRow(Guid Id, RunKind Kind, RunStatus Status, string RequestedBy, DateTimeOffset CreatedAt, DateTimeOffset? FinishedAt);

public sealed record AdminTicketRow(
    Guid Id, Guid OrganisationId, string OrganisationName, Guid ClusterId, string ClusterName, string Subject, TicketSeverity Severity,
    TicketStatus Status, bool Automatic, string CreatedBy, DateTimeOffset CreatedAt, long? ZendeskTicketId);

public sealed record AdminTicketQuery(string? Search, TicketStatus? Status, int Page)
{
    public const int PageSize = 50;
}

public sealed record AdminTicketPage(IReadOnlyList<AdminTicketRow> Rows, int Page, bool HasMore);

public sealed record AdminClusterDetails(
    AdminClusterRow Cluster, IReadOnlyList<AdminRunRow> Runs, IReadOnlyList<AdminTicketRow> Tickets, IReadOnlyList<AccessGrantView> Grants)
{
    public AccessGrantView? Active => Grants.FirstOrDefault(g => g.Status == AccessGrantStatus.Active);
}

public sealed record AdminTicketDetails(AdminTicketRow Ticket, string Description, bool ShareLogs, int? AccessHours, IReadOnlyList<AccessGrantView> Grants);

public sealed record AdminQueue(IReadOnlyList<AdminClusterRow> FailedClusters, IReadOnlyList<AdminTicketRow> AutomaticTickets);
