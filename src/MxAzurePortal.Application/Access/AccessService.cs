using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Access;

public sealed record GrantUse(DateTimeOffset At, string Actor, string Summary);

public sealed record AccessGrantView(
    Guid Id, AccessGrantSource Source, AccessGrantStatus Status, int DurationHours, string RequestedBy, string Reason,
    DateTimeOffset RequestedAt, string? DecidedBy, DateTimeOffset? DecidedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? ActiveUntil,
    DateTimeOffset? EndedAt, string? EndedBy, int AccessCount, Guid? TicketId, string? TicketSubject)
{
    public IReadOnlyList<GrantUse> RecentUses { get; init; } = [];

    public bool CanDecide => Status == AccessGrantStatus.Pending;

    public bool CanRevoke => Status is AccessGrantStatus.Pending or AccessGrantStatus.Approved or AccessGrantStatus.Active;

    /// <summary>When the request must be answered, or the approval started, or the active window closes.</summary>
    public DateTimeOffset? Deadline => AccessGrant.DueFor(Status, RequestedAt, DecidedAt, ActiveUntil);
}

public enum GrantDecision
{
    Approve,
    Deny,
    Revoke,
}

/// <summary>
/// The customer's side of staff access: every request and grant of a cluster with what it was used for; a Cluster
/// Manager approves or denies requests and revokes grants at any time.
/// </summary>
public sealed class AccessService(IPortalDb db, ICurrentUser user, ActivityLog activity, OpenGrants openGrants, TimeProvider clock)
{
    public const int UsesShown = 5;

    public async Task<IReadOnlyList<AccessGrantView>> ListAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        await openGrants.SettleAsync(clusterId, cancellationToken);

        // Not saved only when another request settled the same grants first; what follows reads what it wrote.
        await db.TrySaveAsync(cancellationToken);
        var grants = await db.AccessGrants.AsNoTracking().Where(g => g.ClusterId == clusterId)
            .OrderByDescending(g => g.RequestedAt)
            .Select(g => new AccessGrantView(
                g.Id, g.Source, g.Status, g.DurationHours, g.RequestedBy, g.Reason, g.RequestedAt, g.DecidedBy, g.DecidedAt,
                g.ActivatedAt, g.ActiveUntil, g.EndedAt, g.EndedBy, g.AccessCount, g.TicketId,
                db.SupportTickets.Where(t => t.Id == g.TicketId).Select(t => t.Subject).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var used = grants.Where(g => g.AccessCount > 0).Select(g => g.Id).ToList();
        if (used.Count == 0)
        {
            return grants;
        }

        var uses = await db.ActivityEntries.AsNoTracking()
            .Where(a => a.ClusterId == clusterId && a.AccessGrantId != null && used.Contains(a.AccessGrantId.Value) && a.Action == StaffAccessService.AccessAction)
            .OrderByDescending(a => a.Id)
            .Take(UsesShown * used.Count)
            .Select(a => new { GrantId = a.AccessGrantId!.Value, Use = new GrantUse(a.At, a.Actor, a.Summary) })
            .ToListAsync(cancellationToken);
        var byGrant = uses.GroupBy(u => u.GrantId).ToDictionary(g => g.Key, g => g.Select(u => u.Use).Take(UsesShown).ToList());
        return grants.Select(g => byGrant.TryGetValue(g.Id, out var list) ? g with { RecentUses = list } : g).ToList();
    }

    public async Task<RuleResult> DecideAsync(Guid clusterId, Guid grantId, GrantDecision decision, CancellationToken cancellationToken)
    {
        if (user.OrganisationRole != OrganisationRole.ClusterManager)
        {
            return RuleResult.Fail("", "Only a Cluster Manager of this organisation can approve, deny or revoke staff access.");
        }

        await openGrants.SettleAsync(clusterId, cancellationToken);
        var grant = await db.AccessGrants.SingleOrDefaultAsync(g => g.Id == grantId && g.ClusterId == clusterId, cancellationToken);
        if (grant is null)
        {
            return RuleResult.Fail("", "This access request does not exist.");
        }

        var by = user.DisplayName ?? user.UserId ?? "unknown";
        var now = clock.GetUtcNow();
        var refusal = decision switch
        {
            GrantDecision.Approve => grant.Approve(by, user.UserId, now),
            GrantDecision.Deny => grant.Deny(by, user.UserId, now),
            _ => grant.Revoke(by, now),
        };
        if (refusal is not null)
        {
            await db.TrySaveAsync(cancellationToken);
            return RuleResult.Fail("", refusal);
        }

        var clusterName = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(cancellationToken);
        var (action, text) = decision switch
        {
            GrantDecision.Approve => ("AccessApproved", $"{by} approved access request {grant.Id} by {grant.RequestedBy} for {grant.DurationHours} hours ({grant.Reason})."),
            GrantDecision.Deny => ("AccessDenied", $"{by} denied access request {grant.Id} by {grant.RequestedBy} ({grant.Reason})."),
            _ => ("AccessRevoked", $"{by} revoked access grant {grant.Id} ({grant.Reason})."),
        };
        activity.Add(grant.OrganisationId, clusterId, clusterName, action, text, accessGrantId: grant.Id);
        return await db.TrySaveAsync(cancellationToken) ? RuleResult.Ok : RuleResult.Fail("", GrantSaves.Changed);
    }
}
