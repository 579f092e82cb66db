using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Access;

/// <summary>
/// Loads a cluster's open grants and applies what time has done to them (expiry, completion) before anyone relies on
/// them, logging each change. The caller saves.
/// </summary>
public sealed class OpenGrants(IPortalDb db, ActivityLog activity, TimeProvider clock)
{
    public async Task<List<AccessGrant>> SettleAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        var grants = await db.AccessGrants
            .Where(g => g.ClusterId == clusterId &&
                        (g.Status == AccessGrantStatus.Pending || g.Status == AccessGrantStatus.Approved || g.Status == AccessGrantStatus.Active))
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        string? clusterName = null;
        foreach (var grant in grants)
        {
            var was = grant.Status;
            if (grant.Settle(now) is not { } moved)
            {
                continue;
            }

            clusterName ??= await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(cancellationToken);
            var what = (was, moved) switch
            {
                (AccessGrantStatus.Pending, _) => "expired: the request was not answered within 24 hours",
                (AccessGrantStatus.Approved, _) => "expired: it was not started within 24 hours of approval",
                _ => $"ended: its {grant.DurationHours} hours are over",
            };
            activity.Add(grant.OrganisationId, clusterId, clusterName, moved == AccessGrantStatus.Complete ? "AccessComplete" : "AccessExpired",
                $"Access grant {grant.Id} {what}.", bySystem: true, accessGrantId: grant.Id);
        }

        return grants;
    }
}
