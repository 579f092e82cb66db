using Microsoft.EntityFrameworkCore;

namespace MxAzurePortal.Application.Support;

/// <summary>A cluster on the Support page: how many of its tickets are open, and how many wait for the customer.</summary>
public sealed record ClusterTicketCounts(Guid ClusterId, string ClusterName, string Region, int Open, int AwaitingReply);

/// <summary>A ticket Mendix Support waits on the customer for, with its cluster.</summary>
public sealed record AwaitingTicket(Guid Id, Guid ClusterId, string ClusterName, string Subject, TicketSeverity Severity, DateTimeOffset CreatedAt, DateTimeOffset? LastSyncedAt);

/// <summary>The organisation's support at a glance: its clusters' ticket counts and the tickets awaiting its reply.</summary>
public sealed record SupportSummary(IReadOnlyList<ClusterTicketCounts> Clusters, IReadOnlyList<AwaitingTicket> Awaiting, bool MoreAwaiting);

public sealed partial class TicketService
{
    /// <summary>How many tickets awaiting a reply the Support page lists; the counts by cluster include them all.</summary>
    public const int AwaitingListed = 20;

    /// <summary>
    /// The Support page across the organisation's clusters. Both statements reach the tickets from the organisation's
    /// clusters through the (ClusterId, CreatedAt) index, so neither reads another organisation's tickets
    /// (<c>SupportSummaryPlanTests</c> checks the plans at customer scale).
    /// </summary>
    public async Task<SupportSummary> GetOrganisationSummaryAsync(CancellationToken cancellationToken)
    {
        var clusters = await db.Clusters.AsNoTracking()
            .OrderBy(c => c.Name)
            .Select(c => new ClusterTicketCounts(c.Id, c.Name, c.Region,
                db.SupportTickets.Count(t => t.ClusterId == c.Id && t.Status != TicketStatus.Solved),
                db.SupportTickets.Count(t => t.ClusterId == c.Id && t.Status == TicketStatus.AwaitingYourReply)))
            .ToListAsync(cancellationToken);
        var awaiting = await (
                from c in db.Clusters.AsNoTracking()
                join t in db.SupportTickets.AsNoTracking() on c.Id equals t.ClusterId
                where t.Status == TicketStatus.AwaitingYourReply
                orderby t.LastSyncedAt descending, t.CreatedAt descending
                select new AwaitingTicket(t.Id, c.Id, c.Name, t.Subject, t.Severity, t.CreatedAt, t.LastSyncedAt))
            .Take(AwaitingListed + 1)
            .ToListAsync(cancellationToken);
        return new SupportSummary(clusters, [.. awaiting.Take(AwaitingListed)], awaiting.Count > AwaitingListed);
    }
}
