using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Deployments;

/// <summary>How a finished job leaves its environment and the activity log; the caller saves.</summary>
public sealed class JobOutcomes(IPortalDb db, ActivityLog activity, TimeProvider clock)
{
    public async Task SucceedAsync(DeploymentJob job, CancellationToken cancellationToken)
    {
        Finish(job, DeploymentJobStatus.Succeeded, null);
        var environment = await db.AppEnvironments.SingleOrDefaultAsync(e => e.Id == job.EnvironmentId, cancellationToken);
        var clusterName = await ClusterNameAsync(job, cancellationToken);
        if (job.Kind == DeploymentJobKind.RemoveEnvironment)
        {
            if (environment is not null)
            {
                db.AppEnvironments.Remove(environment);
            }

            activity.Add(job.OrganisationId, job.ClusterId, clusterName, "EnvironmentRemoved",
                $"Environment {job.EnvironmentName} and its app were removed from the cluster (job {job.Id}, requested by {job.RequestedBy}).", bySystem: true);
            return;
        }

        if (environment is not null)
        {
            environment.Status = EnvironmentStatus.Running;
            environment.DeployedPackageId = job.PackageId;
            environment.DeployedRuntimeVersion = job.RuntimeVersion;
            environment.DeployedAt = job.FinishedAt;
        }

        activity.Add(job.OrganisationId, job.ClusterId, clusterName, "DeploymentSucceeded",
            $"Mendix {job.RuntimeVersion} app deployed to environment {job.EnvironmentName} (job {job.Id}, requested by {job.RequestedBy}).", bySystem: true);
    }

    public async Task FailAsync(DeploymentJob job, string error, CancellationToken cancellationToken)
    {
        Finish(job, DeploymentJobStatus.Failed, error);
        var environment = await db.AppEnvironments.SingleOrDefaultAsync(e => e.Id == job.EnvironmentId, cancellationToken);
        if (environment is not null)
        {
            environment.Status = EnvironmentStatus.Failed;
        }

        activity.Add(job.OrganisationId, job.ClusterId, await ClusterNameAsync(job, cancellationToken),
            job.Kind == DeploymentJobKind.Deploy ? "DeploymentFailed" : "EnvironmentRemovalFailed",
            $"Job {job.Id} for environment {job.EnvironmentName} failed: {error}", bySystem: true);
    }

    private void Finish(DeploymentJob job, DeploymentJobStatus status, string? error)
    {
        job.Status = status;
        job.Stage = DeploymentStage.Done;
        job.FinishedAt = clock.GetUtcNow();
        job.LastError = error;
    }

    private Task<string> ClusterNameAsync(DeploymentJob job, CancellationToken cancellationToken) =>
        db.Clusters.Where(c => c.Id == job.ClusterId).Select(c => c.Name).SingleAsync(cancellationToken);
}
