using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Access;

public sealed record AccessRequestInput(string Reason, int DurationHours);

/// <summary>What staff may do with a cluster's customer data right now, and why not when they may not.</summary>
public sealed record StaffEntry(bool Allowed, Guid? GrantId, DateTimeOffset? ActiveUntil, string Refusal)
{
    public static StaffEntry Refused(string why) => new(false, null, null, why);
}

/// <summary>
/// Mendix staff's side of just-in-time access: they ask on a ticket, start an approved grant, and every view of or
/// action on the cluster's customer data goes through <see cref="EnterAsync"/>, which checks the grant against the
/// clock on every request and writes exactly one activity entry, visible to the customer.
/// </summary>
public sealed class StaffAccessService(IPortalDb db, ICurrentUser user, ActivityLog activity, OpenGrants openGrants, TimeProvider clock)
{
    public const string AccessAction = "StaffAccess";
    public const int ReasonMinLength = 10;
    public const int ReasonMaxLength = 500;

    private string Me => user.DisplayName ?? user.Email ?? user.UserId ?? "Mendix staff";

    public async Task<(RuleResult Result, Guid? GrantId)> RequestAsync(Guid ticketId, AccessRequestInput input, CancellationToken cancellationToken)
    {
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length is < ReasonMinLength or > ReasonMaxLength)
        {
            return (RuleResult.Fail(nameof(AccessRequestInput.Reason), $"Say why you need access, in {ReasonMinLength} to {ReasonMaxLength} characters."), null);
        }

        if (input.DurationHours is < 1 or > AccessGrant.MaxHours)
        {
            return (RuleResult.Fail(nameof(AccessRequestInput.DurationHours), $"Access can be requested for 1 to {AccessGrant.MaxHours} hours."), null);
        }

        var ticket = await db.SupportTickets.Where(t => t.Id == ticketId)
            .Select(t => new { t.Id, t.OrganisationId, t.ClusterId, t.Subject, ClusterName = db.Clusters.Where(c => c.Id == t.ClusterId).Select(c => c.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(cancellationToken);
        if (ticket?.ClusterName is null)
        {
            return (RuleResult.Fail("", "This ticket no longer exists."), null);
        }

        var open = await openGrants.SettleAsync(ticket.ClusterId, cancellationToken);
        if (open.FirstOrDefault(g => g.IsOpen) is { } existing)
        {
            await db.TrySaveAsync(cancellationToken);
            return (RuleResult.Fail("", $"This cluster already has an open grant ({existing.Status}, {existing.Id}); use it or wait for the customer's answer."), null);
        }

        var grant = new AccessGrant
        {
            OrganisationId = ticket.OrganisationId,
            ClusterId = ticket.ClusterId,
            TicketId = ticket.Id,
            Source = AccessGrantSource.StaffRequest,
            DurationHours = input.DurationHours,
            Status = AccessGrantStatus.Pending,
            RequestedBy = Me,
            RequestedByUserId = user.UserId,
            RequestedAt = clock.GetUtcNow(),
            Reason = reason,
        };
        db.AccessGrants.Add(grant);
        activity.Add(ticket.OrganisationId, ticket.ClusterId, ticket.ClusterName, "AccessRequested",
            $"{Me} (Mendix Support) requested {input.DurationHours} hours of access on ticket \"{ticket.Subject}\": {reason}. Request {grant.Id} waits for a Cluster Manager's answer for 24 hours.",
            accessGrantId: grant.Id);
        return await db.TrySaveAsync(cancellationToken) ? (RuleResult.Ok, grant.Id) : (RuleResult.Fail("", GrantSaves.Changed), null);
    }

    /// <summary>Starts the active window of an approved grant.</summary>
    public async Task<RuleResult> ActivateAsync(Guid clusterId, Guid grantId, CancellationToken cancellationToken)
    {
        var open = await openGrants.SettleAsync(clusterId, cancellationToken);
        var grant = open.SingleOrDefault(g => g.Id == grantId);
        var refusal = grant is null ? "This grant is no longer open." : grant.Activate(Me, clock.GetUtcNow());
        if (refusal is null)
        {
            var clusterName = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(cancellationToken);
            activity.Add(grant!.OrganisationId, clusterId, clusterName, "AccessStarted",
                $"{Me} (Mendix Support) started access grant {grant.Id}, active until {grant.ActiveUntil:yyyy-MM-dd HH:mm} UTC.", accessGrantId: grant.Id);
        }

        var saved = await db.TrySaveAsync(cancellationToken);
        return refusal is not null ? RuleResult.Fail("", refusal) : saved ? RuleResult.Ok : RuleResult.Fail("", GrantSaves.Changed);
    }

    /// <summary>
    /// The gate in front of a cluster's customer data for staff: allowed only under a grant active at this moment, and
    /// then written to the cluster's activity log as exactly one entry saying <paramref name="what"/> was accessed.
    /// </summary>
    public async Task<StaffEntry> EnterAsync(Guid clusterId, string what, CancellationToken cancellationToken)
    {
        if (user.StaffRole is null)
        {
            return StaffEntry.Refused("Only Mendix staff enter a customer's cluster through the admin view.");
        }

        var open = await openGrants.SettleAsync(clusterId, cancellationToken);
        var now = clock.GetUtcNow();
        var grant = open.Where(g => g.AllowsAccessAt(now)).OrderByDescending(g => g.ActiveUntil).FirstOrDefault();
        if (grant is null)
        {
            await db.TrySaveAsync(cancellationToken);
            return StaffEntry.Refused(open.Any(g => g.Status == AccessGrantStatus.Approved)
                ? "The customer approved access, but it has not been started: start it on the cluster's admin page."
                : "There is no active access grant for this cluster. Request access on one of its support tickets; the customer's Cluster Manager decides.");
        }

        grant.AccessCount++;
        var clusterName = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(cancellationToken);
        activity.Add(grant.OrganisationId, clusterId, clusterName, AccessAction,
            $"{Me} (Mendix Support) {what} under access grant {grant.Id}.", accessGrantId: grant.Id);

        // Revoked or ended by another request since it was read: no entry without the grant that allows it.
        return await db.TrySaveAsync(cancellationToken)
            ? new StaffEntry(true, grant.Id, grant.ActiveUntil, "")
            : StaffEntry.Refused(GrantSaves.Changed);
    }
}
