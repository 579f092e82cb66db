using MxAzurePortal.Application.Clusters.Preflight;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Runs;

namespace MxAzurePortal.Application.Clusters;

/// <summary>Just enough of a cluster for pages about something of it (tickets, activity, access).</summary>
public sealed record ClusterHeader(Guid Id, string Name, ClusterStatus Status);

public sealed record ClusterListItem(Guid Id, string Name, string Region, ClusterStatus Status, DateTimeOffset CreatedAt);

public sealed record ClusterOverview(
    Guid Id,
    string Name,
    string OrganisationName,
    string Region,
    ClusterStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    ClusterSettings Settings,
    int Version)
{
    public RunView? LastRun { get; init; }

    /// <summary>The latest initialization or rerun: its steps are the cluster's components.</summary>
    public RunView? Provisioning { get; init; }

    public PreflightReport? Preflight { get; init; }

    /// <summary>Staff requests for access still waiting for a Cluster Manager's answer.</summary>
    public int PendingAccessRequests { get; init; }

    /// <summary>Until when Mendix staff have direct access now, if they do.</summary>
    public DateTimeOffset? StaffAccessUntil { get; init; }

    /// <summary>The cluster as its Service updates section needs it, read with the rest of the Overview.</summary>
    public Updates.UpdatedCluster Updated { get; init; } = null!;

    public bool IsActive => Status is ClusterStatus.Initializing or ClusterStatus.Deleting;
}

public sealed record RunView(
    Guid Id,
    RunKind Kind,
    RunStatus Status,
    string RequestedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    Guid? PreviousRunId,
    IReadOnlyList<StepView> Steps)
{
    public bool IsActive => Status is RunStatus.Queued or RunStatus.Running;

    public TimeSpan? Duration => StartedAt is { } start ? (FinishedAt ?? DateTimeOffset.UtcNow) - start : null;
}

public sealed record StepView(
    Guid Id,
    string Key,
    string Name,
    StepStatus Status,
    int Attempts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string? ErrorCode,
    string? ErrorMessage,
    string ResourceIds)
{
    public IReadOnlyList<string> Resources => ResourceIds.Length == 0 ? [] : ResourceIds.Split('\n');

    public TimeSpan? Duration => StartedAt is { } start && FinishedAt is { } end ? end - start : null;
}

public sealed record StepLogLine(Guid StepId, DateTimeOffset At, string Level, string Message);

public sealed record RunDetails(string ClusterName, RunView Run, IReadOnlyList<StepLogLine> Log);
