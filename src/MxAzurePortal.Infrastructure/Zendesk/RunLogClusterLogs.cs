using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.Infrastructure.Zendesk;

/// <summary>
/// The cluster's recent logs as the portal itself knows them: every ARM operation, retry and failure of its runs
/// (initialization, reruns, changes), newest last. In the sandbox, simulated in-cluster logs take its place.
/// </summary>
public sealed class RunLogClusterLogs(PortalDbContext db) : IClusterLogs
{
    public async Task<IReadOnlyList<string>> GetRecentAsync(Guid clusterId, string clusterName, int maxLines, CancellationToken cancellationToken)
    {
        var lines = await db.RunStepLogs.IgnoreQueryFilters().AsNoTracking()
            .Where(l => db.Runs.IgnoreQueryFilters().Any(r => r.Id == l.RunId && r.ClusterId == clusterId))
            .OrderByDescending(l => l.Id)
            .Take(maxLines)
            .Select(l => new { l.At, l.Level, l.Message })
            .ToListAsync(cancellationToken);
        return [.. lines.AsEnumerable().Reverse().Select(l =>
            string.Create(CultureInfo.InvariantCulture, $"{l.At:yyyy-MM-ddTHH:mm:ss.fffZ} {l.Level} [{clusterName}] {l.Message}"))];
    }
}
