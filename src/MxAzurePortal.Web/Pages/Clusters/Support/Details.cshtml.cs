using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Web.Pages.Clusters.Support;

/// <summary>One ticket as the portal knows it, with Zendesk's own status; every member of the organisation can read it.</summary>
public sealed class DetailsModel(ClusterService clusters, TicketService tickets, ITicketDesk desk, ICurrentUser user, TimeProvider clock) : PageModel
{
    public DateTimeOffset Now { get; } = clock.GetUtcNow();

    public Guid ClusterId { get; private set; }

    public string ClusterName { get; private set; } = "";

    public TicketDetails Details { get; private set; } = null!;

    public Uri? GoToTicket { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid ticketId, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetHeaderAsync(id, cancellationToken);
        var details = cluster is null ? null : await tickets.GetAsync(id, ticketId, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        (ClusterId, ClusterName, Details) = (id, cluster!.Name, details);
        GoToTicket = details.Ticket.ZendeskTicketId is { } zendeskId && details.Ticket.CreatedByUserId == user.UserId && user.UserId is not null
            ? desk.RequesterLink(zendeskId)
            : null;
        return Page();
    }
}
