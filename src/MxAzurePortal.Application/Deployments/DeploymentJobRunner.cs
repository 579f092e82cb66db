using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Deployments;

/// <summary>
/// Advances one claimed job as far as it can go now: upload the package, start the deployment, then look at it every
/// <see cref="DeploymentOptions.StatusPollSeconds"/> until it ends. Outages and timeouts are retried with backoff; a refusal
/// by Mendix on Kubernetes or too many failed attempts fail the job. The outcome is recorded on the job, its environment
/// and in the activity log.
/// </summary>
public sealed partial class DeploymentJobRunner(
    IPortalDb db, IAppDeployments deployments, JobOutcomes outcomes, DeploymentJobLeases leases, TimeProvider clock,
    IOptions<DeploymentOptions> options, ILogger<DeploymentJobRunner> logger)
{
    private const int MaxStepsPerClaim = 50;

    public async Task AdvanceAsync(Guid jobId, string owner, CancellationToken cancellationToken)
    {
        var job = await db.DeploymentJobs.SingleOrDefaultAsync(j => j.Id == jobId && j.LeaseOwner == owner, cancellationToken);
        if (job is null || job.FinishedAt is not null)
        {
            return;
        }

        job.Status = DeploymentJobStatus.Running;
        job.StartedAt ??= clock.GetUtcNow();
        try
        {
            // Bounded, so a deployment polled without a pause still gives its lease back now and then.
            for (var step = 0; step < MaxStepsPerClaim && job.FinishedAt is null && job.NextAttemptAt <= clock.GetUtcNow(); step++)
            {
                if (step > 0 && !await leases.RenewAsync(job.Id, owner, cancellationToken))
                {
                    break;
                }

                await StepAsync(job, cancellationToken);
            }
        }
        catch (DeploymentRefusedException refused)
        {
            await outcomes.FailAsync(job, $"Mendix on Kubernetes refused the {Describe(job.Stage)}: {refused.Message}", cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Outages and timeouts are expected; anything else (an answer the client could not read, a bug) is retried
            // the same way, with backoff and a limit, rather than claimed again at once and for ever.
            if (exception is not (HttpRequestException or TimeoutException or TaskCanceledException))
            {
                LogUnexpected(logger, exception, job.Id, job.ClusterId);
            }

            job.Attempts++;
            job.LastError = $"Attempt {job.Attempts} of the {Describe(job.Stage)} failed: {exception.Message}";
            if (job.Attempts >= options.Value.MaxAttempts)
            {
                await outcomes.FailAsync(job, $"Mendix on Kubernetes could not be reached for the {Describe(job.Stage)} after {job.Attempts} attempts: {exception.Message}", cancellationToken);
            }
            else
            {
                var wait = Math.Min(options.Value.RetryBaseSeconds * Math.Pow(2, job.Attempts - 1), options.Value.MaxRetrySeconds);
                job.NextAttemptAt = clock.GetUtcNow().AddSeconds(wait);
                LogRetry(logger, job.Id, job.ClusterId, job.Attempts, wait, exception.Message);
            }
        }
        finally
        {
            job.LeaseOwner = null;
            job.LeaseExpiresAt = null;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                // The lease lapsed during a call and another worker holds the job: its record stands, this one's goes.
                LogLeaseLost(logger, job.Id, job.ClusterId, owner);
            }
        }
    }

    private async Task StepAsync(DeploymentJob job, CancellationToken cancellationToken)
    {
        switch (job.Stage)
        {
            case DeploymentStage.UploadPackage:
                var content = await db.AppPackageContents.AsNoTracking().Where(c => c.PackageId == job.PackageId)
                    .Select(c => new { c.Bytes, Sha256 = db.AppPackages.Where(p => p.Id == c.PackageId).Select(p => p.Sha256).Single() })
                    .SingleAsync(cancellationToken);
                await deployments.UploadPackageAsync(job.PackageId!.Value, content.Sha256, content.Bytes, cancellationToken);
                Advance(job, DeploymentStage.StartDeployment, "Package uploaded to Mendix on Kubernetes");
                break;
            case DeploymentStage.StartDeployment:
                var target = await db.AppEnvironments.AsNoTracking().Where(e => e.Id == job.EnvironmentId)
                    .Select(e => new { e.Purpose, Cluster = db.Clusters.Where(c => c.Id == e.ClusterId).Select(c => c.Name).Single() })
                    .SingleAsync(cancellationToken);
                await deployments.StartDeploymentAsync(new AppDeploymentRequest(job.Id, job.ClusterId, ClusterNamespace.NameOf(target.Cluster),
                    job.EnvironmentName, target.Purpose.ToString(), job.PackageId!.Value, job.RuntimeVersion!), cancellationToken);
                Advance(job, DeploymentStage.AwaitDeployment, "Deployment started");
                break;
            case DeploymentStage.AwaitDeployment:
                var state = await deployments.GetDeploymentAsync(job.Id, cancellationToken);
                if (state is null)
                {
                    Advance(job, DeploymentStage.UploadPackage, "Mendix on Kubernetes did not know the deployment; starting it again");
                }
                else if (state.Phase == AppDeploymentPhase.Running && clock.GetUtcNow() - job.StartedAt > TimeSpan.FromMinutes(options.Value.MaxDeploymentMinutes))
                {
                    await outcomes.FailAsync(job, $"The deployment did not finish within {options.Value.MaxDeploymentMinutes} minutes; " +
                        $"Mendix on Kubernetes last reported: {state.Message}", cancellationToken);
                }
                else if (state.Phase == AppDeploymentPhase.Running)
                {
                    job.Progress = state.Message;
                    job.Attempts = 0;
                    job.NextAttemptAt = clock.GetUtcNow().AddSeconds(options.Value.StatusPollSeconds);
                    // Nothing more to do until the next look: the lease is released and any instance may take the next step.
                    if (options.Value.StatusPollSeconds > 0)
                    {
                        return;
                    }
                }
                else if (state.Phase == AppDeploymentPhase.Succeeded)
                {
                    job.Progress = state.Message;
                    await outcomes.SucceedAsync(job, cancellationToken);
                }
                else
                {
                    await outcomes.FailAsync(job, $"The deployment failed: {state.Message}", cancellationToken);
                }

                break;
            case DeploymentStage.RemoveEnvironment:
                var ns = await db.Clusters.Where(c => c.Id == job.ClusterId).Select(c => c.Name).SingleAsync(cancellationToken);
                await deployments.RemoveEnvironmentAsync(job.ClusterId, ClusterNamespace.NameOf(ns), job.EnvironmentName, cancellationToken);
                job.Progress = "Environment removed from the cluster";
                await outcomes.SucceedAsync(job, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Job {job.Id} is at stage {job.Stage}, which has no step.");
        }
    }

    private void Advance(DeploymentJob job, DeploymentStage stage, string progress)
    {
        job.Stage = stage;
        job.Progress = progress;
        job.Attempts = 0;
        job.LastError = null;
        job.NextAttemptAt = clock.GetUtcNow();
    }

    private static string Describe(DeploymentStage stage) => stage switch
    {
        DeploymentStage.UploadPackage => "package upload",
        DeploymentStage.StartDeployment => "start of the deployment",
        DeploymentStage.AwaitDeployment => "deployment status check",
        DeploymentStage.RemoveEnvironment => "removal of the environment",
        _ => stage.ToString(),
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment job {JobId} of cluster {ClusterId}: attempt {Attempt} failed; next try in {WaitSeconds} s: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid jobId, Guid clusterId, int attempt, double waitSeconds, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment job {JobId} of cluster {ClusterId}: {Owner} lost its lease; another worker continues the job")]
    private static partial void LogLeaseLost(ILogger logger, Guid jobId, Guid clusterId, string owner);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deployment job {JobId} of cluster {ClusterId} failed on an unexpected error; it is retried with backoff")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, Guid jobId, Guid clusterId);
}
