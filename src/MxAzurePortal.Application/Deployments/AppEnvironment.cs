using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Deployments;

public enum EnvironmentPurpose
{
    Development = 0,
    Acceptance = 1,
    Production = 2,
}

public enum EnvironmentStatus
{
    /// <summary>Nothing deployed yet: the environment takes nothing in the cluster until its first deployment.</summary>
    Empty = 0,
    Deploying = 1,
    Running = 2,

    /// <summary>The last deployment failed; the app that ran before, if any, still runs.</summary>
    Failed = 3,
    Removing = 4,
}

/// <summary>A place for one Mendix app in a cluster's namespace, e.g. <c>test</c> or <c>production</c>.</summary>
public sealed class AppEnvironment : ITenantOwned, ITimestamped
{
    public const int NameMaxLength = 40;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Guid ClusterId { get; set; }

    /// <summary>The internal name, a Kubernetes DNS label; it names the app's resources in the cluster and never changes.</summary>
    public required string Name { get; set; }

    public EnvironmentPurpose Purpose { get; set; }

    public EnvironmentStatus Status { get; set; }

    public Guid? DeployedPackageId { get; set; }

    public string? DeployedRuntimeVersion { get; set; }

    public DateTimeOffset? DeployedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
