using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Web.Pages.Clusters.Support;

/// <summary>The Support Tickets page of a cluster, opened from the Support Center on its overview.</summary>
public sealed class IndexModel(ClusterService clusters, TicketService tickets, ITicketDesk desk, ICurrentUser user) : PageModel
{
    public Guid ClusterId { get; private set; }

    public string ClusterName { get; private set; } = "";

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public TicketPage Result { get; private set; } = new([], 1, false);

    public IReadOnlyList<TicketListItem> Tickets => Result.Tickets;

    /// <summary>Zendesk's page of the ticket, for the person who created it; others read it in the portal.</summary>
    public Uri? GoToTicket(TicketListItem ticket) =>
        ticket.ZendeskTicketId is { } id && ticket.CreatedByUserId is not null && ticket.CreatedByUserId == user.UserId ? desk.RequesterLink(id) : null;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetHeaderAsync(id, cancellationToken);
        if (cluster is null)
        {
            return NotFound();
        }

        (ClusterId, ClusterName) = (cluster.Id, cluster.Name);
        Result = await tickets.ListAsync(id, PageNumber, TicketService.PageSize, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRefreshAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await clusters.GetHeaderAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        try
        {
            var count = await tickets.RefreshAsync(id, cancellationToken);
            TempData["Status"] = $"Refreshed {count} ticket(s) from Zendesk.";
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException)
        {
            TempData["Error"] = "Zendesk could not be reached; the statuses shown are from the last sync. Try again in a moment.";
        }

        return RedirectToPage(new { id });
    }
}
