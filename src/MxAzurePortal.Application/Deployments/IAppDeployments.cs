namespace MxAzurePortal.Application.Deployments;

/// <summary>
/// Mendix on Kubernetes' Deploy API, which runs the apps in every Mendix on Azure cluster. Every call is idempotent by the
/// ids it carries, so a job that repeats a call after a lost answer changes nothing twice.
/// </summary>
public interface IAppDeployments
{
    Task UploadPackageAsync(Guid packageId, string sha256, byte[] content, CancellationToken cancellationToken);

    Task StartDeploymentAsync(AppDeploymentRequest request, CancellationToken cancellationToken);

    /// <summary>The deployment's state; null when Mendix on Kubernetes does not know it (e.g. it lost its state), so the job starts it again.</summary>
    Task<AppDeploymentState?> GetDeploymentAsync(Guid deploymentId, CancellationToken cancellationToken);

    Task RemoveEnvironmentAsync(Guid clusterId, string @namespace, string environment, CancellationToken cancellationToken);
}

public sealed record AppDeploymentRequest(
    Guid DeploymentId, Guid ClusterId, string Namespace, string Environment, string Purpose, Guid PackageId, string RuntimeVersion);

public enum AppDeploymentPhase
{
    Running = 0,
    Succeeded = 1,
    Failed = 2,
}

public sealed record AppDeploymentState(AppDeploymentPhase Phase, string Message);

/// <summary>Mendix on Kubernetes refused a call for a reason a retry does not change (a 4xx other than 408 and 429).</summary>
public sealed class DeploymentRefusedException(string message) : Exception(message);
