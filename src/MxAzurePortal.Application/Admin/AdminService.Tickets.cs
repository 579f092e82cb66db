using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Application.Admin;

public sealed partial class AdminService
{
    /// <summary>Every organisation's tickets, newest first, optionally searched and filtered by status.</summary>
    public async Task<AdminTicketPage> ListTicketsAsync(AdminTicketQuery query, CancellationToken cancellationToken)
    {
        var tickets = db.SupportTickets.AsNoTracking();
        if (query.Status is { } status)
        {
            tickets = tickets.Where(t => t.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = "%" + Like.Escape(query.Search.Trim()) + "%";
            tickets = tickets.Where(t => EF.Functions.Like(t.Subject, pattern, Like.EscapeCharacter)
                || db.Organisations.Any(o => o.Id == t.OrganisationId && EF.Functions.Like(o.Name, pattern, Like.EscapeCharacter)));
        }

        var page = Paging.Page(query.Page);
        var rows = await TicketRows(tickets.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id)
                .Skip((page - 1) * AdminTicketQuery.PageSize).Take(AdminTicketQuery.PageSize + 1))
            .ToListAsync(cancellationToken);
        return new AdminTicketPage([.. rows.Take(AdminTicketQuery.PageSize)], page, rows.Count > AdminTicketQuery.PageSize);
    }

    public async Task<AdminTicketDetails?> GetTicketAsync(Guid id, CancellationToken cancellationToken)
    {
        var ticket = await TicketRows(db.SupportTickets.AsNoTracking().Where(t => t.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var more = await db.SupportTickets.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new { t.Description, t.ShareLogs, t.AccessHours }).SingleAsync(cancellationToken);
        var grants = (await access.ListAsync(ticket.ClusterId, cancellationToken)).Where(g => g.TicketId == id).ToList();
        return new AdminTicketDetails(ticket, more.Description, more.ShareLogs, more.AccessHours, grants);
    }

    private IQueryable<AdminTicketRow> TicketRows(IQueryable<SupportTicket> tickets) =>
        tickets.Select(t => new AdminTicketRow(
            t.Id, t.OrganisationId,
            db.Organisations.Where(o => o.Id == t.OrganisationId).Select(o => o.Name).FirstOrDefault() ?? "",
            t.ClusterId,
            db.Clusters.Where(c => c.Id == t.ClusterId).Select(c => c.Name).FirstOrDefault() ?? "",
            t.Subject, t.Severity, t.Status, t.Source == TicketSource.Automatic, t.CreatedBy, t.CreatedAt, t.ZendeskTicketId));
}
