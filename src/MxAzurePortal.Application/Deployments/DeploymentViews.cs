using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Application.Deployments;

public sealed record EnvironmentView(
    Guid Id, Guid ClusterId, string Name, string Namespace, EnvironmentPurpose Purpose, EnvironmentStatus Status,
    Guid? DeployedPackageId, string? DeployedRuntimeVersion, DateTimeOffset? DeployedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

public sealed record PackageView(
    Guid Id, string FileName, long SizeBytes, string Sha256, string RuntimeVersion, string? ModelVersion, string UploadedBy, DateTimeOffset CreatedAt);

public sealed record JobView(
    Guid Id, DeploymentJobKind Kind, DeploymentJobStatus Status, DeploymentStage Stage, Guid ClusterId, Guid EnvironmentId,
    string EnvironmentName, Guid? PackageId, string? RuntimeVersion, string RequestedBy, string? Progress, int Attempts,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public bool IsActive => Status is DeploymentJobStatus.Queued or DeploymentJobStatus.Running;
}

/// <summary>
/// The Kubernetes namespace of a cluster. Mendix on Azure gives each cluster exactly one, which Mendix manages and names
/// after the cluster; customers' apps live in it as environments.
/// </summary>
public sealed record ClusterNamespace(string Name, Guid ClusterId, ClusterStatus ClusterStatus)
{
    public static ClusterNamespace Of(ClusterHeader cluster) => new(NameOf(cluster.Name), cluster.Id, cluster.Status);

    public static string NameOf(string clusterName) => clusterName.ToLowerInvariant();
}
