using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Web.Api;

/// <summary>A cluster of the caller's organisation. Clusters are created, changed and deleted in the portal only.</summary>
public sealed record ApiCluster(Guid Id, string Name, string Region, ClusterStatus Status, string Namespace, DateTimeOffset CreatedAt)
{
    public static ApiCluster From(ClusterListItem c) => new(c.Id, c.Name, c.Region, c.Status, ClusterNamespace.NameOf(c.Name), c.CreatedAt);
}

/// <summary>The one namespace Mendix on Azure gives each cluster, named after it and managed by Mendix.</summary>
public sealed record ApiNamespace(string Name, Guid ClusterId, ClusterStatus ClusterStatus, bool ManagedByMendix)
{
    public static ApiNamespace From(ClusterNamespace n) => new(n.Name, n.ClusterId, n.ClusterStatus, true);
}

public sealed record ApiEnvironment(
    Guid Id, Guid ClusterId, string Name, string Namespace, EnvironmentPurpose Purpose, EnvironmentStatus Status,
    Guid? DeployedPackageId, string? DeployedRuntimeVersion, DateTimeOffset? DeployedAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ApiEnvironment From(EnvironmentView e) => new(
        e.Id, e.ClusterId, e.Name, e.Namespace, e.Purpose, e.Status, e.DeployedPackageId, e.DeployedRuntimeVersion, e.DeployedAt, e.CreatedAt, e.UpdatedAt);
}

/// <summary>An uploaded package; its Mendix version (<c>RuntimeVersion</c> of <c>model/metadata.json</c>) passed the 10.10 gate.</summary>
public sealed record ApiPackage(Guid Id, string FileName, long SizeBytes, string Sha256, string RuntimeVersion, string? ModelVersion, string UploadedBy, DateTimeOffset CreatedAt)
{
    public static ApiPackage From(PackageView p) => new(p.Id, p.FileName, p.SizeBytes, p.Sha256, p.RuntimeVersion, p.ModelVersion, p.UploadedBy, p.CreatedAt);
}

/// <summary>An asynchronous job: poll <c>GET /api/v1/jobs/{id}</c> until <c>finished</c> is true.</summary>
public sealed record ApiJob(
    Guid Id, DeploymentJobKind Kind, DeploymentJobStatus Status, bool Finished, Guid ClusterId, Guid EnvironmentId, string EnvironmentName,
    Guid? PackageId, string? RuntimeVersion, string RequestedBy, string? Progress, int Attempts, string? Error,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt)
{
    public static ApiJob From(JobView j) => new(
        j.Id, j.Kind, j.Status, !j.IsActive, j.ClusterId, j.EnvironmentId, j.EnvironmentName, j.PackageId, j.RuntimeVersion, j.RequestedBy,
        j.Progress, j.Attempts, j.LastError, j.CreatedAt, j.StartedAt, j.FinishedAt);

    public static string Location(Guid id) => $"/api/v1/jobs/{id}";
}

public sealed record CreateEnvironmentRequest(string? Name, EnvironmentPurpose? Purpose);

public sealed record UpdateEnvironmentRequest(EnvironmentPurpose? Purpose);

/// <summary>Deploys a package uploaded earlier (<c>POST /api/v1/packages</c>) by its id.</summary>
public sealed record DeployRequest(Guid? PackageId);
