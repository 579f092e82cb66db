using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Admin;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Web.Pages.Admin.Tickets;

/// <summary>Every organisation's support tickets, with their Zendesk links.</summary>
public sealed class IndexModel(AdminService admin) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public TicketStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AdminTicketPage Result { get; private set; } = new([], 1, false);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = SearchText.Limit(Search);
        Status = Status is { } status && Enum.IsDefined(status) ? status : null;
        Result = await admin.ListTicketsAsync(new AdminTicketQuery(Search, Status, PageNumber), cancellationToken);
    }
}
