using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Clusters;

/// <summary>Reads and changes clusters. Tenancy comes from the data layer's filter, never from a parameter.</summary>
public sealed class ClusterService(IPortalDb db)
{
    public async Task<IReadOnlyList<ClusterListItem>> ListAsync(ClusterStatus? status, CancellationToken cancellationToken)
    {
        var query = db.Clusters.AsNoTracking();
        if (status is { } wanted)
        {
            query = query.Where(c => c.Status == wanted);
        }

        return await query
            .OrderBy(c => c.Name)
            .Select(c => new ClusterListItem(c.Id, c.Name, c.Region, c.Status, c.CreatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The overview of one cluster, or null when it does not exist or belongs to another organisation.</summary>
    public Task<ClusterOverview?> GetOverviewAsync(Guid id, CancellationToken cancellationToken) =>
        db.Clusters.AsNoTracking()
            .Where(c => c.Id == id)
            .Select(c => new ClusterOverview(
                c.Id, c.Name, c.Organisation!.Name, c.Region, c.Status, c.CreatedAt, c.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);
}
