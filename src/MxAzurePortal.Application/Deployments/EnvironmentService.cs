using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Deployments;

public sealed record NewEnvironment(string Name, EnvironmentPurpose Purpose);

/// <summary>A cluster's environments: list, create, change the purpose, and remove (a job, since the app leaves the cluster).</summary>
public sealed class EnvironmentService(IPortalDb db, ICurrentUser user, ActivityLog activity, TimeProvider clock)
{
    /// <summary>The cluster's environments, or null when the cluster is not the caller's.</summary>
    public async Task<IReadOnlyList<EnvironmentView>?> ListAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        return cluster is null ? null : await Views(cluster, e => e.ClusterId == clusterId).ToListAsync(cancellationToken);
    }

    public async Task<EnvironmentView?> GetAsync(Guid clusterId, Guid environmentId, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleOrDefaultAsync(cancellationToken);
        return cluster is null
            ? null
            : await Views(cluster, e => e.ClusterId == clusterId && e.Id == environmentId).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<ChangeResult<EnvironmentView>> CreateAsync(Guid clusterId, NewEnvironment input, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == clusterId, cancellationToken);
        if (cluster is null)
        {
            return Problems.NotFound("The cluster");
        }

        var name = input.Name?.Trim() ?? "";
        if (EnvironmentRules.NameProblem(name) is { } nameProblem)
        {
            return Problems.Invalid(nameof(NewEnvironment.Name), nameProblem);
        }

        if (!Enum.IsDefined(input.Purpose))
        {
            return Problems.Invalid(nameof(NewEnvironment.Purpose), "The purpose must be Development, Acceptance or Production.");
        }

        if (cluster.Status != ClusterStatus.Initialized)
        {
            return Problems.Conflict($"The cluster is {cluster.Status}; environments can be created once it is Initialized.");
        }

        if (await db.AppEnvironments.AnyAsync(e => e.ClusterId == clusterId && e.Name == name, cancellationToken))
        {
            return NameTaken(name);
        }

        var environment = new AppEnvironment
        {
            OrganisationId = cluster.OrganisationId, ClusterId = cluster.Id, Name = name, Purpose = input.Purpose, CreatedBy = Who,
        };
        db.AppEnvironments.Add(environment);
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "EnvironmentCreated",
            $"Environment {name} ({input.Purpose}) created in namespace {ClusterNamespace.NameOf(cluster.Name)}.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on (cluster, name): a request creating the same name at the same moment won.
            return NameTaken(name);
        }

        return (await GetAsync(clusterId, environment.Id, cancellationToken))!;
    }

    public async Task<ChangeResult<EnvironmentView>> UpdateAsync(Guid clusterId, Guid environmentId, EnvironmentPurpose purpose, CancellationToken cancellationToken)
    {
        var (cluster, environment) = await FindAsync(clusterId, environmentId, cancellationToken);
        if (cluster is null || environment is null)
        {
            return Problems.NotFound("The environment");
        }

        if (!Enum.IsDefined(purpose))
        {
            return Problems.Invalid("Purpose", "The purpose must be Development, Acceptance or Production.");
        }

        if (environment.Purpose != purpose)
        {
            activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "EnvironmentChanged",
                $"Environment {environment.Name}: purpose {environment.Purpose} -> {purpose}.");
            environment.Purpose = purpose;
            await db.SaveChangesAsync(cancellationToken);
        }

        return (await GetAsync(clusterId, environmentId, cancellationToken))!;
    }

    /// <summary>Queues the removal of the environment and its app from the cluster; the row goes when that succeeds.</summary>
    public async Task<ChangeResult<JobView>> DeleteAsync(Guid clusterId, Guid environmentId, CancellationToken cancellationToken)
    {
        var (cluster, environment) = await FindAsync(clusterId, environmentId, cancellationToken);
        if (cluster is null || environment is null)
        {
            return Problems.NotFound("The environment");
        }

        if (environment.Status == EnvironmentStatus.Removing
            || await db.DeploymentJobs.AnyAsync(j => j.EnvironmentId == environmentId && j.FinishedAt == null, cancellationToken))
        {
            return Busy(environment.Name);
        }

        var job = new DeploymentJob
        {
            OrganisationId = cluster.OrganisationId, ClusterId = cluster.Id, EnvironmentId = environment.Id, EnvironmentName = environment.Name,
            Kind = DeploymentJobKind.RemoveEnvironment, Stage = DeploymentStage.RemoveEnvironment, RequestedBy = Who,
            RequestedByUserId = user.UserId, NextAttemptAt = clock.GetUtcNow(),
        };
        environment.Status = EnvironmentStatus.Removing;
        db.DeploymentJobs.Add(job);
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "EnvironmentRemovalRequested",
            $"Removal of environment {environment.Name} and its app requested (job {job.Id}).");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on an environment's unfinished job: a deployment or removal requested at the same moment won.
            return Busy(environment.Name);
        }

        return DeploymentService.ToView(job);
    }

    private string Who => Requesters.Describe(user);

    private static ChangeProblem NameTaken(string name) =>
        new(ProblemKind.Conflict, nameof(NewEnvironment.Name), $"The cluster has an environment named '{name}' already.");

    private static ChangeProblem Busy(string environment) =>
        Problems.Conflict($"Environment {environment} has a job in progress; wait until it ends, then remove the environment.");

    private async Task<(Cluster? Cluster, AppEnvironment? Environment)> FindAsync(Guid clusterId, Guid environmentId, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == clusterId, cancellationToken);
        var environment = cluster is null
            ? null
            : await db.AppEnvironments.SingleOrDefaultAsync(e => e.Id == environmentId && e.ClusterId == clusterId, cancellationToken);
        return (cluster, environment);
    }

    private IQueryable<EnvironmentView> Views(string clusterName, Expression<Func<AppEnvironment, bool>> filter)
    {
        var ns = ClusterNamespace.NameOf(clusterName);
        return db.AppEnvironments.AsNoTracking().Where(filter).OrderBy(e => e.Name).Select(e => new EnvironmentView(
            e.Id, e.ClusterId, e.Name, ns, e.Purpose, e.Status, e.DeployedPackageId, e.DeployedRuntimeVersion, e.DeployedAt, e.CreatedAt, e.UpdatedAt));
    }
}

/// <summary>How a person is named on jobs and in the activity log: their name, and the API token when one was used.</summary>
public static class Requesters
{
    public static string Describe(ICurrentUser user) =>
        (user.DisplayName ?? user.UserId ?? "unknown") + (user.ApiTokenName is { } token ? $" via API token {token}" : "");
}
