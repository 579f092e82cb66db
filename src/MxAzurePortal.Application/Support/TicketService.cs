using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Support;

public sealed record TicketListItem(Guid Id, string Subject, TicketSeverity Severity, bool Automatic, string CreatedBy, DateTimeOffset CreatedAt);

/// <summary>Support tickets of a cluster, as the Support Center shows them.</summary>
public sealed class TicketService(IPortalDb db)
{
    public async Task<IReadOnlyList<TicketListItem>> ListAsync(Guid clusterId, CancellationToken cancellationToken) =>
        await db.SupportTickets.AsNoTracking()
            .Where(t => t.ClusterId == clusterId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TicketListItem(t.Id, t.Subject, t.Severity, t.Source == TicketSource.Automatic, t.CreatedBy, t.CreatedAt))
            .ToListAsync(cancellationToken);
}
