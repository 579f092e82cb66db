using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Deployments;

public enum DeploymentJobKind
{
    /// <summary>Deploys a package to an environment.</summary>
    Deploy = 0,

    /// <summary>Removes an environment and its app from the cluster.</summary>
    RemoveEnvironment = 1,
}

public enum DeploymentJobStatus
{
    Queued = 0,
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}

/// <summary>Where a deploy job is: each stage is idempotent at Mendix on Kubernetes, so a resumed job repeats it safely.</summary>
public enum DeploymentStage
{
    UploadPackage = 0,
    StartDeployment = 1,
    AwaitDeployment = 2,
    RemoveEnvironment = 3,
    Done = 4,
}

/// <summary>
/// A durable change to a cluster's apps, asked for through the API or the portal. The row is the truth: a worker claims
/// it with a lease, advances it a stage at a time, retries transient failures with backoff and records the outcome.
/// </summary>
public sealed class DeploymentJob : ITenantOwned, ITimestamped
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Guid ClusterId { get; set; }

    public Guid EnvironmentId { get; set; }

    /// <summary>Kept by name, so a job still reads after its environment is removed.</summary>
    public required string EnvironmentName { get; set; }

    public DeploymentJobKind Kind { get; set; }

    public DeploymentJobStatus Status { get; set; }

    public DeploymentStage Stage { get; set; }

    public Guid? PackageId { get; set; }

    public string? RuntimeVersion { get; set; }

    public required string RequestedBy { get; set; }

    public string? RequestedByUserId { get; set; }

    /// <summary>What Mendix on Kubernetes last said about the deployment, e.g. "Starting app (2 of 3)".</summary>
    public string? Progress { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsActive => Status is DeploymentJobStatus.Queued or DeploymentJobStatus.Running;
}
