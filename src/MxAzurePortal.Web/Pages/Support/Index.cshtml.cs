using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Web.Pages.Support;

/// <summary>Support across the organisation: what waits for its reply, and each cluster's open tickets.</summary>
public sealed class IndexModel(TicketService tickets) : PageModel
{
    public SupportSummary Summary { get; private set; } = new([], [], false);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Summary = await tickets.GetOrganisationSummaryAsync(cancellationToken);
}
