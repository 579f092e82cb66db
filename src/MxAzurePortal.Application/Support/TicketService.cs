using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Support;

public sealed record TicketListItem(
    Guid Id, string Subject, TicketSeverity Severity, bool Automatic, string CreatedBy, string? CreatedByUserId,
    DateTimeOffset CreatedAt, TicketStatus Status, long? ZendeskTicketId, DateTimeOffset? LastSyncedAt);

/// <summary>A page of a cluster's tickets, newest first.</summary>
public sealed record TicketPage(IReadOnlyList<TicketListItem> Tickets, int Page, bool HasMore);

public sealed record TicketDetails(
    TicketListItem Ticket, string Description, string? ZendeskStatus, bool ShareLogs, int? AccessHours, string? DeliveryError, TicketAccess? Access);

/// <summary>Where the access consented to with a ticket stands now.</summary>
public sealed record TicketAccess(AccessGrantStatus Status, int Hours, DateTimeOffset RequestedAt, DateTimeOffset? DecidedAt, DateTimeOffset? ActiveUntil)
{
    /// <summary>The grant's state as time has left it, though nobody has used it since: an unstarted consent expires.</summary>
    public AccessGrantStatus StatusAt(DateTimeOffset now) => AccessGrant.StatusAt(Status, RequestedAt, DecidedAt, ActiveUntil, now);

    public string Describe(DateTimeOffset now) => StatusAt(now) switch
    {
        AccessGrantStatus.Approved => $"Consent given for up to {Hours} hours: Mendix staff can start it until "
            + $"{AccessGrant.DueFor(Status, RequestedAt, DecidedAt, ActiveUntil):yyyy-MM-dd HH:mm} UTC; a Cluster Manager can revoke it on the Access page.",
        AccessGrantStatus.Active => $"Mendix staff have access until {ActiveUntil:yyyy-MM-dd HH:mm} UTC; a Cluster Manager can revoke it on the Access page.",
        AccessGrantStatus.Revoked => "Revoked: Mendix staff no longer have access.",
        AccessGrantStatus.Expired => "Expired: Mendix staff did not start it within 24 hours.",
        AccessGrantStatus.Complete => $"Ended: its {Hours} hours are over.",
        var other => other.ToString(),
    };
}

/// <param name="SubmissionId">
/// The id the form was given when it was shown, which becomes the ticket's: the same form posted twice (a double click,
/// a resent request) opens one ticket.
/// </param>
public sealed record OpenTicket(string Subject, string Description, TicketSeverity Severity, bool ShareLogs, int? AccessHours, Guid SubmissionId = default);

/// <summary>Support tickets of a cluster: opened here, delivered to Zendesk by the outbox, statuses brought back.</summary>
public sealed partial class TicketService(IPortalDb db, ICurrentUser user, ActivityLog activity, ITicketDesk desk, TimeProvider clock)
{
    public const int PageSize = 50;

    /// <summary>
    /// One page of the cluster's tickets, newest first: a cluster can gather thousands over the years, and neither
    /// the Support Tickets page nor the Overview's Support Center should read them all.
    /// </summary>
    public async Task<TicketPage> ListAsync(Guid clusterId, int page, int pageSize, CancellationToken cancellationToken)
    {
        page = Paging.Page(page);
        var tickets = await PageQuery(db.Context(), clusterId, (page - 1) * pageSize, pageSize + 1).ToListAsync(cancellationToken);
        return new TicketPage([.. tickets.Take(pageSize)], page, tickets.Count > pageSize);
    }

    // Compiled once: the Cluster Overview and the Support Tickets page read a page of tickets on every visit.
    private static readonly Func<DbContext, Guid, int, int, IAsyncEnumerable<TicketListItem>> PageQuery =
        EF.CompileAsyncQuery((DbContext db, Guid clusterId, int skip, int take) =>
            db.Set<SupportTicket>().AsNoTracking()
                .Where(t => t.ClusterId == clusterId)
                .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
                .Skip(skip).Take(take)
                .Select(t => new TicketListItem(t.Id, t.Subject, t.Severity, t.Source == TicketSource.Automatic, t.CreatedBy, t.CreatedByUserId,
                    t.CreatedAt, t.Status, t.ZendeskTicketId, t.LastSyncedAt)));

    public async Task<TicketDetails?> GetAsync(Guid clusterId, Guid ticketId, CancellationToken cancellationToken) =>
        await db.SupportTickets.AsNoTracking()
            .Where(t => t.Id == ticketId && t.ClusterId == clusterId)
            .Select(t => new TicketDetails(
                new TicketListItem(t.Id, t.Subject, t.Severity, t.Source == TicketSource.Automatic, t.CreatedBy, t.CreatedByUserId,
                    t.CreatedAt, t.Status, t.ZendeskTicketId, t.LastSyncedAt),
                t.Description, t.ZendeskStatus, t.ShareLogs, t.AccessHours,
                db.TicketDeliveries.Where(d => d.TicketId == t.Id && d.DeliveredAt == null).Select(d => d.LastError).FirstOrDefault(),
                db.AccessGrants.Where(g => g.TicketId == t.Id)
                    .Select(g => new TicketAccess(g.Status, g.DurationHours, g.RequestedAt, g.DecidedAt, g.ActiveUntil)).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Stores the ticket (Submitting), its delivery and any access consent in one transaction.</summary>
    public async Task<(RuleResult Result, Guid? Id)> OpenAsync(Guid clusterId, OpenTicket input, CancellationToken cancellationToken)
    {
        var rules = Check(input);
        if (!rules.IsValid)
        {
            return (rules, null);
        }

        var cluster = await db.Clusters.Where(c => c.Id == clusterId).Select(c => new { c.Id, c.OrganisationId, c.Name }).SingleOrDefaultAsync(cancellationToken);
        if (cluster is null)
        {
            return (RuleResult.Fail("", "The cluster no longer exists."), null);
        }

        var by = user.DisplayName ?? user.Email ?? "unknown";
        var now = clock.GetUtcNow();
        if (input.SubmissionId != Guid.Empty && await SubmittedAsync(clusterId, input.SubmissionId, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        var ticket = new SupportTicket
        {
            Id = input.SubmissionId == Guid.Empty ? Guid.NewGuid() : input.SubmissionId,
            OrganisationId = cluster.OrganisationId,
            ClusterId = cluster.Id,
            Subject = input.Subject.Trim(),
            Description = input.Description.Trim(),
            Severity = input.Severity,
            ShareLogs = input.ShareLogs,
            AccessHours = input.AccessHours,
            CreatedBy = by,
            CreatedByUserId = user.UserId,
            RequesterEmail = user.Email,
        };
        Queue(ticket);
        if (input.AccessHours is { } hours)
        {
            db.AccessGrants.Add(new AccessGrant
            {
                OrganisationId = cluster.OrganisationId,
                ClusterId = cluster.Id,
                TicketId = ticket.Id,
                Source = AccessGrantSource.TicketConsent,
                DurationHours = hours,
                Status = AccessGrantStatus.Approved,
                RequestedBy = by,
                RequestedByUserId = user.UserId,
                RequestedAt = now,
                DecidedBy = by,
                DecidedByUserId = user.UserId,
                DecidedAt = now,
                Reason = $"Consent given with support ticket \"{ticket.Subject}\"",
            });
        }

        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "TicketOpened",
            $"{by} opened support ticket \"{ticket.Subject}\" ({ticket.Severity}); logs shared: {(input.ShareLogs ? "yes" : "no")}; " +
            $"direct access: {(input.AccessHours is { } h ? $"up to {h} hours" : "not granted")}.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (RuleResult.Ok, ticket.Id);
        }
        catch (DbUpdateException) when (input.SubmissionId != Guid.Empty)
        {
            // The same form, posted twice at once: the other request saved the ticket first.
            db.Context().ChangeTracker.Clear();
            return await SubmittedAsync(clusterId, input.SubmissionId, cancellationToken)
                ?? (RuleResult.Fail("", "The ticket could not be saved; reload the page and submit it again."), null);
        }
    }

    /// <summary>The ticket this user already opened from the same form, if any.</summary>
    private async Task<(RuleResult, Guid?)?> SubmittedAsync(Guid clusterId, Guid submissionId, CancellationToken cancellationToken) =>
        await db.SupportTickets.AnyAsync(t => t.Id == submissionId && t.ClusterId == clusterId && t.CreatedByUserId == user.UserId, cancellationToken)
            ? (RuleResult.Ok, submissionId)
            : null;

    /// <summary>Adds the ticket with its outbox entry; the caller saves both in one transaction.</summary>
    public void Queue(SupportTicket ticket) => Queue(db, ticket, clock.GetUtcNow());

    public static void Queue(IPortalDb db, SupportTicket ticket, DateTimeOffset now)
    {
        ticket.Status = TicketStatus.Submitting;
        db.SupportTickets.Add(ticket);
        db.TicketDeliveries.Add(new TicketDelivery { OrganisationId = ticket.OrganisationId, TicketId = ticket.Id, NextAttemptAt = now, CreatedAt = now });
    }

    private static RuleResult Check(OpenTicket input) => RuleResult.Combine(
        input.ShareLogs
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(OpenTicket.ShareLogs), "Mendix Support cannot see your resources, so they need the cluster's recent logs to " +
                "troubleshoot: tick the consent to share them to open a ticket."),
        input.Subject.Trim().Length is >= 5 and <= SupportTicket.SubjectMaxLength
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(OpenTicket.Subject), $"Describe the problem in a subject of 5 to {SupportTicket.SubjectMaxLength} characters."),
        input.Description.Trim().Length is >= 10 and <= 20000
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(OpenTicket.Description), "Describe what happened, what you expected and since when, in 10 to 20,000 characters."),
        Enum.IsDefined(input.Severity)
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(OpenTicket.Severity), "Choose Critical, High, Medium or Low."),
        input.AccessHours is null or (>= 1 and <= AccessGrant.MaxHours)
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(OpenTicket.AccessHours), $"Direct access can be granted for 1 to {AccessGrant.MaxHours} hours."));
}
