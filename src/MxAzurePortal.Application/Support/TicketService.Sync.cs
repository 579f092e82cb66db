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

    /// <summary>Records what Zendesk says of its tickets (from Refresh, the periodic sync or a webhook).</summary>
    public async Task ApplyAsync(IReadOnlyCollection<DeskTicket> desk, CancellationToken cancellationToken)
    {
        var ids = desk.Select(d => d.Id).ToList();
        var tickets = await db.SupportTickets.Where(t => t.ZendeskTicketId != null && ids.Contains(t.ZendeskTicketId.Value)).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var ticket in tickets)
        {
            var latest = desk.First(d => d.Id == ticket.ZendeskTicketId);
            ticket.ZendeskStatus = latest.Status;
            ticket.Status = ZendeskStatuses.Map(latest.Status);
            ticket.LastSyncedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
