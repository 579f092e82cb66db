using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.Infrastructure.Identity;

namespace MxAzurePortal.Infrastructure.Data;

/// <summary>
/// The portal's database. Provider-specific behaviour (and each provider's migrations) lives in the
/// derived <see cref="SqlitePortalDbContext"/> and <see cref="SqlServerPortalDbContext"/>.
/// </summary>
public abstract class PortalDbContext(DbContextOptions options, TenantScope tenant)
    : IdentityDbContext<PortalUser>(options), IPortalDb, IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<Membership> Memberships => Set<Membership>();

    public DbSet<Cluster> Clusters => Set<Cluster>();

    public DbSet<ClusterRun> Runs => Set<ClusterRun>();

    public DbSet<RunStep> RunSteps => Set<RunStep>();

    public DbSet<RunStepLog> RunStepLogs => Set<RunStepLog>();

    public DbSet<SupportTicket> SupportTickets => Set<SupportTicket>();

    public DbSet<ActivityEntry> ActivityEntries => Set<ActivityEntry>();

    public DbSet<TicketDelivery> TicketDeliveries => Set<TicketDelivery>();

    public DbSet<AccessGrant> AccessGrants => Set<AccessGrant>();

    public DbSet<SyncCursor> SyncCursors => Set<SyncCursor>();

    public DbSet<Application.ApiTokens.ApiToken> ApiTokens => Set<Application.ApiTokens.ApiToken>();

    public DbSet<Application.Deployments.AppEnvironment> AppEnvironments => Set<Application.Deployments.AppEnvironment>();

    public DbSet<Application.Deployments.AppPackage> AppPackages => Set<Application.Deployments.AppPackage>();

    public DbSet<Application.Deployments.AppPackageContent> AppPackageContents => Set<Application.Deployments.AppPackageContent>();

    public DbSet<Application.Deployments.DeploymentJob> DeploymentJobs => Set<Application.Deployments.DeploymentJob>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<ServiceRelease> ServiceReleases => Set<ServiceRelease>();

    public DbSet<ClusterUpdate> ClusterUpdates => Set<ClusterUpdate>();

    // Read by the query filters on every query, so each filter sees the scope of this unit of work.
    private Guid? TenantOrganisationId => tenant.OrganisationId;

    private bool TenantSeesAll => tenant.SeesAllOrganisations;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        builder.Entity<Organisation>().HasQueryFilter(o => TenantSeesAll || o.Id == TenantOrganisationId);
        builder.Entity<Membership>().HasQueryFilter(m => TenantSeesAll || m.OrganisationId == TenantOrganisationId);
        builder.Entity<Cluster>().HasQueryFilter(c => TenantSeesAll || c.OrganisationId == TenantOrganisationId);
        builder.Entity<ClusterRun>().HasQueryFilter(r => TenantSeesAll || r.OrganisationId == TenantOrganisationId);
        builder.Entity<RunStep>().HasQueryFilter(s => TenantSeesAll || s.Run!.OrganisationId == TenantOrganisationId);
        builder.Entity<RunStepLog>().HasQueryFilter(l => TenantSeesAll || l.OrganisationId == TenantOrganisationId);
        builder.Entity<SupportTicket>().HasQueryFilter(t => TenantSeesAll || t.OrganisationId == TenantOrganisationId);
        builder.Entity<TicketDelivery>().HasQueryFilter(d => TenantSeesAll || d.OrganisationId == TenantOrganisationId);
        builder.Entity<AccessGrant>().HasQueryFilter(g => TenantSeesAll || g.OrganisationId == TenantOrganisationId);
        builder.Entity<ActivityEntry>().HasQueryFilter(a => TenantSeesAll || a.OrganisationId == TenantOrganisationId);
        builder.Entity<ClusterUpdate>().HasQueryFilter(u => TenantSeesAll || u.OrganisationId == TenantOrganisationId);
        builder.Entity<Application.ApiTokens.ApiToken>().HasQueryFilter(t => TenantSeesAll || t.OrganisationId == TenantOrganisationId);
        builder.Entity<Application.Deployments.AppEnvironment>().HasQueryFilter(e => TenantSeesAll || e.OrganisationId == TenantOrganisationId);
        builder.Entity<Application.Deployments.AppPackage>().HasQueryFilter(p => TenantSeesAll || p.OrganisationId == TenantOrganisationId);
        builder.Entity<Application.Deployments.AppPackageContent>().HasQueryFilter(c => TenantSeesAll || c.OrganisationId == TenantOrganisationId);
        builder.Entity<Application.Deployments.DeploymentJob>().HasQueryFilter(j => TenantSeesAll || j.OrganisationId == TenantOrganisationId);
    }
}
