using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Runs;

public enum RunKind
{
    Initialize = 0,
    Rerun = 1,
    Delete = 2,
    Change = 3,

    /// <summary>A service release's component upgrades.</summary>
    Update = 4,
}

public enum RunStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

public enum StepStatus
{
    Pending = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,

    /// <summary>Succeeded in the run this one reruns; not repeated.</summary>
    Reused = 4,
}

/// <summary>
/// A durable piece of long work on a cluster (initialization, rerun, deletion, a change). The row is the truth: a
/// worker holds it through a lease with an expiry, so a crashed worker's run is picked up by another.
/// </summary>
public sealed class ClusterRun : ITenantOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Guid ClusterId { get; set; }

    public RunKind Kind { get; set; }

    public RunStatus Status { get; set; } = RunStatus.Queued;

    /// <summary>Who asked for it; null when the portal started it itself.</summary>
    public string? RequestedByUserId { get; set; }

    public required string RequestedBy { get; set; }

    /// <summary>
    /// The e-mail of who started a rerun: the automatic ticket a failed rerun opens is theirs in Zendesk, so they can
    /// follow it there and reply.
    /// </summary>
    public string? RequestedByEmail { get; set; }

    /// <summary>For a change: the settings the cluster has once the change succeeds.</summary>
    public Clusters.Settings.ClusterSettings? TargetSettings { get; set; }

    /// <summary>For a change: what changes, from what to what, in words.</summary>
    public string? Summary { get; set; }

    /// <summary>For a change: the agent pool the change creates (a VM size change), so a resumed run uses the same name.</summary>
    public string? TargetNodePool { get; set; }

    /// <summary>
    /// For a VM size change: node pools an earlier, failed size change added and could not make the cluster's own (its
    /// old pool would not drain), comma-separated. They are removed with the pool in use.
    /// </summary>
    public string? LeftoverNodePools { get; set; }

    /// <summary>For an initialization or an update: the component versions it installs (see <see cref="Updates.ComponentVersions"/>).</summary>
    public string? TargetKubernetesVersion { get; set; }

    public string? TargetOperatorVersion { get; set; }

    public string? TargetAgentVersion { get; set; }

    /// <summary>The failed run a rerun resumes.</summary>
    public Guid? PreviousRunId { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<RunStep> Steps { get; set; } = [];
}

public sealed class RunStep
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid RunId { get; set; }

    public ClusterRun? Run { get; set; }

    public required string Key { get; set; }

    public required string Name { get; set; }

    public int Order { get; set; }

    /// <summary>Keys of the steps that must succeed first, comma-separated.</summary>
    public string DependsOn { get; set; } = "";

    public StepStatus Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? ErrorCode { get; set; }

    public string? ErrorMessage { get; set; }

    /// <summary>The Azure resource ids the step manages, one a line.</summary>
    public string ResourceIds { get; set; } = "";

    public IReadOnlyList<string> Dependencies => DependsOn.Length == 0 ? [] : DependsOn.Split(',');
}

/// <summary>A line of a step's log, as the Details view shows it.</summary>
public sealed class RunStepLog : ITenantOwned
{
    public long Id { get; set; }

    public Guid OrganisationId { get; set; }

    public Guid RunId { get; set; }

    public Guid StepId { get; set; }

    public DateTimeOffset At { get; set; }

    public required string Level { get; set; }

    public required string Message { get; set; }
}
