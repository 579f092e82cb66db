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
/// <remarks>
/// Contexts are pooled: the scope that rents one sets <see cref="Tenant"/> (see
/// <see cref="DependencyInjection.AddInfrastructure"/>), and the scope's disposal clears it before the pool takes the
/// context back. A context without a tenant scope sees no organisation's rows.
/// </remarks>
public abstract class PortalDbContext(DbContextOptions options)
    : IdentityDbContext<PortalUser>(options), IPortalDb, IDataProtectionKeyContext
{
    private TenantScope? tenant;

    /// <summary>Whose rows this unit of work reads; null (none) until the renting scope sets it.</summary>
    public TenantScope? Tenant
    {
        get => tenant;
        set => tenant = value;
    }

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
    // The scope as a range of organisation ids, which every provider's indexes serve: one organisation is the range
    // from its id to its id, all of them the range from the lowest id to the highest, and no scope an empty range.
    private Guid TenantLowest => tenant is null ? Highest : tenant.SeesAllOrganisations ? Guid.Empty : tenant.OrganisationId ?? Highest;

    private Guid TenantHighest => tenant is null ? Guid.Empty : tenant.SeesAllOrganisations ? Highest : tenant.OrganisationId ?? Guid.Empty;

    private static readonly Guid Highest = new("ffffffff-ffff-ffff-ffff-ffffffffffff");

    // The scope ends: the context forgets the scope it served before it goes back to the pool; the next renter sets its own.
    public override void Dispose()
    {
        tenant = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        tenant = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);

        builder.Entity<Organisation>().HasQueryFilter(o => o.Id.CompareTo(TenantLowest) >= 0 && o.Id.CompareTo(TenantHighest) <= 0);
        builder.Entity<Membership>().HasQueryFilter(m => m.OrganisationId.CompareTo(TenantLowest) >= 0 && m.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<Cluster>().HasQueryFilter(c => c.OrganisationId.CompareTo(TenantLowest) >= 0 && c.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<ClusterRun>().HasQueryFilter(r => r.OrganisationId.CompareTo(TenantLowest) >= 0 && r.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<RunStep>().HasQueryFilter(s => s.Run!.OrganisationId.CompareTo(TenantLowest) >= 0 && s.Run!.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<RunStepLog>().HasQueryFilter(l => l.OrganisationId.CompareTo(TenantLowest) >= 0 && l.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<SupportTicket>().HasQueryFilter(t => t.OrganisationId.CompareTo(TenantLowest) >= 0 && t.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<TicketDelivery>().HasQueryFilter(d => d.OrganisationId.CompareTo(TenantLowest) >= 0 && d.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<AccessGrant>().HasQueryFilter(g => g.OrganisationId.CompareTo(TenantLowest) >= 0 && g.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<ActivityEntry>().HasQueryFilter(a => a.OrganisationId.CompareTo(TenantLowest) >= 0 && a.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<ClusterUpdate>().HasQueryFilter(u => u.OrganisationId.CompareTo(TenantLowest) >= 0 && u.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<Application.ApiTokens.ApiToken>().HasQueryFilter(t => t.OrganisationId.CompareTo(TenantLowest) >= 0 && t.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<Application.Deployments.AppEnvironment>().HasQueryFilter(e => e.OrganisationId.CompareTo(TenantLowest) >= 0 && e.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<Application.Deployments.AppPackage>().HasQueryFilter(p => p.OrganisationId.CompareTo(TenantLowest) >= 0 && p.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<Application.Deployments.AppPackageContent>().HasQueryFilter(c => c.OrganisationId.CompareTo(TenantLowest) >= 0 && c.OrganisationId.CompareTo(TenantHighest) <= 0);
        builder.Entity<Application.Deployments.DeploymentJob>().HasQueryFilter(j => j.OrganisationId.CompareTo(TenantLowest) >= 0 && j.OrganisationId.CompareTo(TenantHighest) <= 0);
    }
}
