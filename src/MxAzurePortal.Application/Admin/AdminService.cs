using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Admin;

public sealed record OrganisationSummary(Guid Id, string Name, int Members, int Clusters, int FailedClusters);

/// <summary>What Mendix staff see across customers: metadata only, never customer resources.</summary>
public sealed class AdminService(IPortalDb db)
{
    public async Task<IReadOnlyList<OrganisationSummary>> ListOrganisationsAsync(CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking()
            .OrderBy(o => o.Name)
            .Select(o => new OrganisationSummary(
                o.Id,
                o.Name,
                db.Memberships.Count(m => m.OrganisationId == o.Id),
                db.Clusters.Count(c => c.OrganisationId == o.Id),
                db.Clusters.Count(c => c.OrganisationId == o.Id && c.Status == ClusterStatus.Failed)))
            .ToListAsync(cancellationToken);
}
