using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Application.Organisations;

namespace MxAzurePortal.Application.Common;

/// <summary>
/// The portal's data as the application services see it. Customer-owned sets are filtered to the
/// current <see cref="Security.TenantScope"/> by the implementation, so a query can only reach rows
/// the caller may see.
/// </summary>
public interface IPortalDb
{
    DbSet<Organisation> Organisations { get; }

    DbSet<Membership> Memberships { get; }

    DbSet<Cluster> Clusters { get; }

    DbSet<ClusterRun> Runs { get; }

    DbSet<RunStep> RunSteps { get; }

    DbSet<RunStepLog> RunStepLogs { get; }

    DbSet<SupportTicket> SupportTickets { get; }

    DbSet<ActivityEntry> ActivityEntries { get; }

    DbSet<TicketDelivery> TicketDeliveries { get; }

    DbSet<AccessGrant> AccessGrants { get; }

    DbSet<SyncCursor> SyncCursors { get; }

    DbSet<Updates.ServiceRelease> ServiceReleases { get; }

    DbSet<Updates.ClusterUpdate> ClusterUpdates { get; }

    DbSet<ApiTokens.ApiToken> ApiTokens { get; }

    DbSet<Deployments.AppEnvironment> AppEnvironments { get; }

    DbSet<Deployments.AppPackage> AppPackages { get; }

    DbSet<Deployments.AppPackageContent> AppPackageContents { get; }

    DbSet<Deployments.DeploymentJob> DeploymentJobs { get; }

    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

public static class PortalDbExtensions
{
    /// <summary>
    /// The context behind <see cref="IPortalDb"/>, for queries compiled once with <see cref="EF.CompileAsyncQuery{TContext, TResult}(System.Linq.Expressions.Expression{Func{TContext, CancellationToken, TResult}})"/>:
    /// their tenant filter is read from this context like any other query's.
    /// </summary>
    public static DbContext Context(this IPortalDb db) => (DbContext)db;
}
