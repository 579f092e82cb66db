using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Deployments;

/// <summary>Deploys packages to environments as durable jobs, and reads jobs back.</summary>
public sealed class DeploymentService(IPortalDb db, ICurrentUser user, ActivityLog activity, PackageService packages, TimeProvider clock)
{
    /// <summary>Uploads the package, then deploys it: the target is checked first, so a refused deployment stores nothing.</summary>
    public async Task<ChangeResult<JobView>> DeployUploadAsync(
        Guid clusterId, Guid environmentId, string? fileName, Stream content, CancellationToken cancellationToken)
    {
        var (_, _, problem) = await TargetAsync(clusterId, environmentId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var uploaded = await packages.UploadAsync(fileName, content, cancellationToken);
        return uploaded.Value is { } package
            ? await DeployAsync(clusterId, environmentId, package.Id, cancellationToken)
            : uploaded.Problem!;
    }

    public async Task<ChangeResult<JobView>> DeployAsync(Guid clusterId, Guid environmentId, Guid packageId, CancellationToken cancellationToken)
    {
        var (cluster, environment, problem) = await TargetAsync(clusterId, environmentId, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var package = await db.AppPackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == packageId, cancellationToken);
        if (package is null)
        {
            return new ChangeProblem(ProblemKind.NotFound, "PackageId", "The package does not exist in your organisation; upload it first.");
        }

        // Packages pass the gate on upload; checked again in case the minimum has risen since.
        if (!MendixVersion.TryParse(package.RuntimeVersion, out var version, out var error) || version.RefusalToDeploy() is { } refusal)
        {
            return new ChangeProblem(ProblemKind.PackageRefused, "PackageId", error.Length > 0 ? error : version.RefusalToDeploy()!);
        }

        var job = new DeploymentJob
        {
            OrganisationId = cluster!.OrganisationId, ClusterId = cluster.Id, EnvironmentId = environment!.Id, EnvironmentName = environment.Name,
            Kind = DeploymentJobKind.Deploy, Stage = DeploymentStage.UploadPackage, PackageId = package.Id, RuntimeVersion = package.RuntimeVersion,
            RequestedBy = Requesters.Describe(user), RequestedByUserId = user.UserId, NextAttemptAt = clock.GetUtcNow(),
        };
        environment.Status = EnvironmentStatus.Deploying;
        db.DeploymentJobs.Add(job);
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "DeploymentRequested",
            $"Deployment of {package.FileName} (Mendix {package.RuntimeVersion}) to environment {environment.Name} requested (job {job.Id}).");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on an environment's unfinished job: another request won the race.
            return Busy(environment.Name);
        }

        return ToView(job);
    }

    public Task<JobView?> GetJobAsync(Guid id, CancellationToken cancellationToken) =>
        Views(db.DeploymentJobs.Where(j => j.Id == id)).SingleOrDefaultAsync(cancellationToken);

    public async Task<IReadOnlyList<JobView>> ListJobsAsync(Guid clusterId, int take, CancellationToken cancellationToken) =>
        await Views(db.DeploymentJobs.Where(j => j.ClusterId == clusterId).OrderByDescending(j => j.CreatedAt).Take(take)).ToListAsync(cancellationToken);

    public static JobView ToView(DeploymentJob j) => new(
        j.Id, j.Kind, j.Status, j.Stage, j.ClusterId, j.EnvironmentId, j.EnvironmentName, j.PackageId, j.RuntimeVersion,
        j.RequestedBy, j.Progress, j.Attempts, j.LastError, j.CreatedAt, j.StartedAt, j.FinishedAt);

    private static IQueryable<JobView> Views(IQueryable<DeploymentJob> jobs) => jobs.AsNoTracking().Select(j => new JobView(
        j.Id, j.Kind, j.Status, j.Stage, j.ClusterId, j.EnvironmentId, j.EnvironmentName, j.PackageId, j.RuntimeVersion,
        j.RequestedBy, j.Progress, j.Attempts, j.LastError, j.CreatedAt, j.StartedAt, j.FinishedAt));

    private async Task<(Cluster? Cluster, AppEnvironment? Environment, ChangeProblem? Problem)> TargetAsync(
        Guid clusterId, Guid environmentId, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == clusterId, cancellationToken);
        var environment = cluster is null
            ? null
            : await db.AppEnvironments.SingleOrDefaultAsync(e => e.Id == environmentId && e.ClusterId == clusterId, cancellationToken);
        if (cluster is null || environment is null)
        {
            return (null, null, Problems.NotFound("The environment"));
        }

        if (cluster.Status != ClusterStatus.Initialized)
        {
            return (null, null, Problems.Conflict($"The cluster is {cluster.Status}; apps can be deployed once it is Initialized."));
        }

        if (environment.Status == EnvironmentStatus.Removing
            || await db.DeploymentJobs.AnyAsync(j => j.EnvironmentId == environmentId && j.FinishedAt == null, cancellationToken))
        {
            return (null, null, Busy(environment.Name));
        }

        return (cluster, environment, null);
    }

    private static ChangeProblem Busy(string environment) =>
        Problems.Conflict($"Environment {environment} has a job in progress; wait until that job ends, then deploy again.");
}
