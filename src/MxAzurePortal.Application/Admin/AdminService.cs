using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Application.Admin;

/// <summary>
/// What Mendix staff see across customers: metadata only (names, statuses, versions, run outcomes, tickets). A
/// cluster's settings, resources and logs are behind <see cref="StaffAccessService.EnterAsync"/>.
/// </summary>
public sealed partial class AdminService(IPortalDb db, AccessService access, TenantScope scope)
{
    public const int QueueSize = 50;

    /// <summary>
    /// The organisations whose name contains the search, a page at a time by name, with their member and cluster
    /// counts. The page's ids are read first, so the counts are made for its rows only.
    /// </summary>
    public async Task<AdminOrganisationPage> ListOrganisationsAsync(AdminOrganisationQuery query, CancellationToken cancellationToken)
    {
        var matching = db.Organisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + Like.Escape(query.Search.Trim()) + "%";
            matching = matching.Where(o => EF.Functions.Like(o.Name, pattern, Like.EscapeCharacter));
        }

        const int size = AdminOrganisationQuery.PageSize;
        var total = await matching.CountAsync(cancellationToken);
        var page = Math.Clamp(Paging.Page(query.Page), 1, Paging.Count(total, size));
        var ids = matching.OrderBy(o => o.Name).ThenBy(o => o.Id).Skip((page - 1) * size).Take(size).Select(o => o.Id);
        var rows = await db.Organisations.AsNoTracking()
            .Where(o => ids.Contains(o.Id))
            .OrderBy(o => o.Name).ThenBy(o => o.Id)
            .Select(o => new OrganisationSummary(
                o.Id,
                o.Name,
                db.Memberships.Count(m => m.OrganisationId == o.Id),
                db.Clusters.Count(c => c.OrganisationId == o.Id),
                db.Clusters.Count(c => c.OrganisationId == o.Id && c.Status == ClusterStatus.Failed)))
            .ToListAsync(cancellationToken);
        return new AdminOrganisationPage(rows, page, total);
    }

    /// <summary>An organisation's name, for the staff's views filtered to it; null when there is no such organisation.</summary>
    public Task<string?> GetOrganisationNameAsync(Guid id, CancellationToken cancellationToken) =>
        db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Every organisation's clusters, searched by cluster, organisation or region, a page at a time by name.
    /// </summary>
    /// <remarks>
    /// Only for a scope that sees every organisation (staff); any other scope gets an empty page. The tenant filter is
    /// left out on purpose: for such a scope it is a range over every organisation id, and SQLite, which cannot see
    /// that through the parameters, would plan by the organisation index and sort every match instead of walking
    /// the covering (Name, Id, Region, OrganisationId) index and stopping after the page. The organisation's name
    /// is matched through a sub-query for the same reason.
    /// </remarks>
    public async Task<AdminClusterPage> ListClustersAsync(AdminClusterQuery query, CancellationToken cancellationToken)
    {
        if (!scope.SeesAllOrganisations)
        {
            return new AdminClusterPage([], 1, 0);
        }

        var pattern = string.IsNullOrWhiteSpace(query.Search) ? null : "%" + Like.Escape(query.Search.Trim()) + "%";

        const int size = AdminClusterQuery.PageSize;
        var context = db.Context();
        var requested = Paging.Page(query.Page);
        if ((long)requested * size < AdminClusterQuery.CountLimit)
        {
            // Matches are counted exactly up to CountLimit: a search that matches every cluster does not count them
            // all on every page. Past the limit the page says "more than".
            var counted = await CountQuery(context, pattern, query.Status, query.OrganisationId, AdminClusterQuery.CountLimit + 1, cancellationToken);
            var exact = counted <= AdminClusterQuery.CountLimit;
            var total = exact ? counted : AdminClusterQuery.CountLimit;
            var page = exact ? Math.Clamp(requested, 1, LastPage(total)) : requested;
            var rows = await PageQuery(context, pattern, query.Status, query.OrganisationId, (page - 1) * size, size).ToListAsync(cancellationToken);
            return new AdminClusterPage(rows, page, total, exact);
        }

        // A page past the limit tells by itself whether more follow (one row more than a page is read), so it is not
        // counted; only a page past the last one counts the matches, to show the last page instead.
        var deep = await PageQuery(context, pattern, query.Status, query.OrganisationId, (requested - 1) * size, size + 1).ToListAsync(cancellationToken);
        if (deep.Count > size)
        {
            return new AdminClusterPage(deep[..size], requested, requested * size, TotalIsExact: false);
        }

        if (deep.Count > 0)
        {
            return new AdminClusterPage(deep, requested, (requested - 1) * size + deep.Count);
        }

        var matches = await CountQuery(context, pattern, query.Status, query.OrganisationId, (requested - 1) * size, cancellationToken);
        var last = LastPage(matches);
        return new AdminClusterPage(
            await PageQuery(context, pattern, query.Status, query.OrganisationId, (last - 1) * size, size).ToListAsync(cancellationToken), last, matches);
    }

    private static int LastPage(int total) => Paging.Count(total, AdminClusterQuery.PageSize);

    // The search's two statements, compiled once (the search, the status and the organisation are optional: a null
    // parameter drops its condition from the SQL). The match is the same in both: a cluster's name or region, or its organisation's name.
    private static readonly Func<DbContext, string?, ClusterStatus?, Guid?, int, CancellationToken, Task<int>> CountQuery =
        EF.CompileAsyncQuery((DbContext db, string? pattern, ClusterStatus? status, Guid? organisationId, int limit, CancellationToken _) =>
            db.Set<Cluster>().IgnoreQueryFilters()
                .Where(c => (status == null || c.Status == status)
                    && (organisationId == null || c.OrganisationId == organisationId)
                    && (pattern == null
                        || EF.Functions.Like(c.Name, pattern, Like.EscapeCharacter)
                        || EF.Functions.Like(c.Region, pattern, Like.EscapeCharacter)
                        || db.Set<Organisation>().Where(o => EF.Functions.Like(o.Name, pattern, Like.EscapeCharacter)).Select(o => o.Id).Contains(c.OrganisationId)))
                .OrderBy(c => c.Name).ThenBy(c => c.Id).Select(c => c.Id).Take(limit)
                .Count());

    /// <summary>
    /// The page's ids from the covering index first, then only those rows read: the rows the offset skips are never
    /// fetched from the table.
    /// </summary>
    private static readonly Func<DbContext, string?, ClusterStatus?, Guid?, int, int, IAsyncEnumerable<AdminClusterRow>> PageQuery =
        EF.CompileAsyncQuery((DbContext db, string? pattern, ClusterStatus? status, Guid? organisationId, int skip, int take) =>
            from c in db.Set<Cluster>().IgnoreQueryFilters().AsNoTracking()
            where db.Set<Cluster>()
                .Where(m => (status == null || m.Status == status)
                    && (organisationId == null || m.OrganisationId == organisationId)
                    && (pattern == null
                        || EF.Functions.Like(m.Name, pattern, Like.EscapeCharacter)
                        || EF.Functions.Like(m.Region, pattern, Like.EscapeCharacter)
                        || db.Set<Organisation>().Where(o => EF.Functions.Like(o.Name, pattern, Like.EscapeCharacter)).Select(o => o.Id).Contains(m.OrganisationId)))
                .OrderBy(m => m.Name).ThenBy(m => m.Id).Skip(skip).Take(take).Select(m => m.Id)
                .Contains(c.Id)
            join r in db.Set<Runs.ClusterRun>() on c.LastRunId equals r.Id into lastRuns
            from last in lastRuns.DefaultIfEmpty()
            orderby c.Name, c.Id
            select new AdminClusterRow(
                c.Id, c.Name, c.OrganisationId, c.Organisation!.Name, c.Region, c.Status,
                last == null ? null : last.Kind, last == null ? null : last.Status, last == null ? null : last.FinishedAt,
                c.KubernetesVersion, c.OperatorVersion, c.AgentVersion));

    public async Task<AdminClusterDetails?> GetClusterAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await Rows(db.Clusters.AsNoTracking().Where(c => c.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (cluster is null)
        {
            return null;
        }

        var runs = await db.Runs.AsNoTracking().Where(r => r.ClusterId == id)
            .OrderByDescending(r => r.CreatedAt).Take(20)
            .Select(r => new AdminRunRow(r.Id, r.Kind, r.Status, r.RequestedBy, r.CreatedAt, r.FinishedAt))
            .ToListAsync(cancellationToken);
        var tickets = await TicketRows(db.SupportTickets.AsNoTracking().Where(t => t.ClusterId == id).OrderByDescending(t => t.CreatedAt).Take(20))
            .ToListAsync(cancellationToken);
        return new AdminClusterDetails(cluster, runs, tickets, await access.ListAsync(id, cancellationToken));
    }

    public async Task<AdminQueue> GetQueueAsync(CancellationToken cancellationToken)
    {
        var failed = await Rows(db.Clusters.AsNoTracking().Where(c => c.Status == ClusterStatus.Failed)
                .OrderByDescending(c => c.UpdatedAt).Take(QueueSize))
            .ToListAsync(cancellationToken);
        var automatic = await TicketRows(db.SupportTickets.AsNoTracking()
                .Where(t => t.Source == TicketSource.Automatic && t.Status != TicketStatus.Solved)
                .OrderByDescending(t => t.CreatedAt).Take(QueueSize))
            .ToListAsync(cancellationToken);
        return new AdminQueue(failed, automatic);
    }

    /// <summary>One LEFT JOIN to the last run (by primary key), not a sub-query per column.</summary>
    private IQueryable<AdminClusterRow> Rows(IQueryable<Cluster> clusters) =>
        from c in clusters
        join r in db.Runs on c.LastRunId equals r.Id into lastRuns
        from last in lastRuns.DefaultIfEmpty()
        select new AdminClusterRow(
            c.Id, c.Name, c.OrganisationId, c.Organisation!.Name, c.Region, c.Status,
            last == null ? null : last.Kind, last == null ? null : last.Status, last == null ? null : last.FinishedAt,
            c.KubernetesVersion, c.OperatorVersion, c.AgentVersion);
}
