using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Access;

public sealed record AccessGrantView(
    Guid Id, AccessGrantStatus Status, string GrantedBy, string Reason, int DurationHours, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, Guid? TicketId, string? TicketSubject)
{
    public bool CanRevoke => Status is AccessGrantStatus.Pending or AccessGrantStatus.Approved or AccessGrantStatus.Active;
}

/// <summary>The customer's side of staff access: every grant of a cluster, and revoking one at any time.</summary>
public sealed class AccessService(IPortalDb db, ICurrentUser user, ActivityLog activity)
{
    public async Task<IReadOnlyList<AccessGrantView>> ListAsync(Guid clusterId, CancellationToken cancellationToken) =>
        await db.AccessGrants.AsNoTracking().Where(g => g.ClusterId == clusterId)
            .OrderByDescending(g => g.CreatedAt)
            .Select(g => new AccessGrantView(g.Id, g.Status, g.GrantedBy, g.Reason, g.DurationHours, g.CreatedAt, g.UpdatedAt, g.TicketId,
                db.SupportTickets.Where(t => t.Id == g.TicketId).Select(t => t.Subject).FirstOrDefault()))
            .ToListAsync(cancellationToken);

    /// <summary>Ends a grant; staff lose access from their next request on.</summary>
    public async Task<RuleResult> RevokeAsync(Guid clusterId, Guid grantId, CancellationToken cancellationToken)
    {
        var grant = await db.AccessGrants.SingleOrDefaultAsync(g => g.Id == grantId && g.ClusterId == clusterId, cancellationToken);
        if (grant is null)
        {
            return RuleResult.Fail("", "This access grant does not exist.");
        }

        if (grant.Status is not (AccessGrantStatus.Pending or AccessGrantStatus.Approved or AccessGrantStatus.Active))
        {
            return RuleResult.Fail("", $"This grant is {grant.Status} already; there is nothing to revoke.");
        }

        grant.Status = AccessGrantStatus.Revoked;
        var clusterName = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(cancellationToken);
        activity.Add(grant.OrganisationId, clusterId, clusterName, "AccessRevoked",
            $"{user.DisplayName ?? user.UserId} revoked access grant {grant.Id} ({grant.Reason}).");
        await db.SaveChangesAsync(cancellationToken);
        return RuleResult.Ok;
    }
}
