namespace MxAzurePortal.Application.Updates;

public sealed record ReleaseListItem(
    Guid Id,
    string Name,
    DateOnly ScheduledOn,
    ComponentVersions Versions,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    DateTimeOffset? CompletedAt,
    string? Notes)
{
    public UpdateCounts Counts { get; init; } = new(0, 0, 0, 0, 0);

    /// <summary>Upcoming, Rolling out or Rolled out, on the given UTC day.</summary>
    public string StateOn(DateOnly today) =>
        CompletedAt is not null ? "Rolled out" : ScheduledOn > today ? "Upcoming" : "Rolling out";
}

/// <summary>Per-cluster outcomes of a release; <see cref="Waiting"/> are clusters the rollout has not recorded yet.</summary>
public sealed record UpdateCounts(int Scheduled, int Running, int Succeeded, int Failed, int Skipped)
{
    public int Waiting { get; init; }

    public int Total => Scheduled + Running + Succeeded + Failed + Skipped + Waiting;
}

public sealed record ClusterUpdateRow(
    Guid ClusterId,
    string ClusterName,
    string OrganisationName,
    UpdateStatus Status,
    string? FromKubernetes,
    string? FromOperator,
    string? FromAgent,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    string? Error);

public sealed record ReleaseDetails(ReleaseListItem Release, IReadOnlyList<ClusterUpdateRow> Clusters);

/// <summary>A release as one cluster sees it: <see cref="Status"/> is null while the rollout has not reached it.</summary>
public sealed record ClusterReleaseView(
    Guid ReleaseId,
    string Name,
    DateOnly ScheduledOn,
    ComponentVersions To,
    string? Notes,
    UpdateStatus? Status,
    string? From,
    DateTimeOffset? FinishedAt,
    string? Error)
{
    public bool IsPast => Status is UpdateStatus.Succeeded or UpdateStatus.Failed or UpdateStatus.Skipped;
}

/// <summary>What the Service updates of a cluster need of the cluster itself.</summary>
public sealed record UpdatedCluster(Guid Id, string Name, DateTimeOffset CreatedAt, string? Kubernetes, string? Operator, string? Agent);

/// <summary>The Service updates of one cluster: installed versions, what is coming, what happened.</summary>
public sealed record ClusterUpdatesView(
    Guid ClusterId,
    string ClusterName,
    string? Kubernetes,
    string? Operator,
    string? Agent,
    IReadOnlyList<ClusterReleaseView> Upcoming,
    IReadOnlyList<ClusterReleaseView> Past)
{
    public ClusterReleaseView? Next => Upcoming.FirstOrDefault();
}
