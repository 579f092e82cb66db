using Microsoft.EntityFrameworkCore;

namespace MxAzurePortal.Application.Support;

public sealed partial class TicketService
{
    /// <summary>Brings the statuses of the cluster's delivered tickets up to date, 100 tickets a Zendesk call.</summary>
    public async Task<int> RefreshAsync(Guid clusterId, CancellationToken cancellationToken)
    {
        var ids = await db.SupportTickets.Where(t => t.ClusterId == clusterId && t.ZendeskTicketId != null)
            .Select(t => t.ZendeskTicketId!.Value).ToListAsync(cancellationToken);
        foreach (var batch in ids.Chunk(ITicketDesk.MaxTicketsPerRead))
        {
            await ApplyAsync(await desk.GetManyAsync(batch, cancellationToken), cancellationToken);
        }

        return ids.Count;
    }

    /// <summary>
    /// A webhook's ticket, read from Zendesk: the event only says something changed. Events arrive in any order and
    /// late; the ticket as Zendesk has it now, with its updated_at, is what is recorded.
    /// </summary>
    public async Task RefreshDeskTicketAsync(long zendeskTicketId, CancellationToken cancellationToken) =>
        await ApplyAsync(await desk.GetManyAsync([zendeskTicketId], cancellationToken), cancellationToken);

    /// <summary>Records what Zendesk says of its tickets (from Refresh, the periodic sync or a webhook).</summary>
    public async Task ApplyAsync(IReadOnlyCollection<DeskTicket> desk, CancellationToken cancellationToken)
    {
        var ids = desk.Select(d => d.Id).ToList();
        var tickets = await db.SupportTickets.Where(t => t.ZendeskTicketId != null && ids.Contains(t.ZendeskTicketId.Value)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var ticket in tickets)
        {
            var latest = desk.First(d => d.Id == ticket.ZendeskTicketId);
            ticket.LastSyncedAt = now;
            if (ticket.ZendeskUpdatedAt is { } recorded && latest.UpdatedAt < recorded)
            {
                continue;
            }

            ticket.ZendeskStatus = latest.Status;
            ticket.Status = ZendeskStatuses.Map(latest.Status);
            ticket.ZendeskUpdatedAt = latest.UpdatedAt;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
