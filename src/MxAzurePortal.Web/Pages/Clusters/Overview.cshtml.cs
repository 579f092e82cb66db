using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>The Cluster Overview. Another organisation's cluster is answered as not found.</summary>
public sealed class OverviewModel(ClusterService clusters, TicketService tickets, IAuthorizationService authorization) : PageModel
{
    public ClusterOverview Cluster { get; private set; } = null!;

    /// <summary>The Support Center shows the latest tickets; the Support Tickets page has them all.</summary>
    public const int LatestTickets = 5;

    public TicketPage RecentTickets { get; private set; } = new([], 1, false);

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetOverviewAsync(id, cancellationToken);
        if (cluster is null)
        {
            return NotFound();
        }

        Cluster = cluster;
        RecentTickets = await tickets.ListAsync(id, 1, LatestTickets, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ClusterManager)).Succeeded;
        return Page();
    }

    /// <summary>The live progress fragment htmx polls while a run is active; a finished run reloads the whole page.</summary>
    public async Task<IActionResult> OnGetProgressAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetOverviewAsync(id, cancellationToken);
        if (cluster is null)
        {
            // Deleted meanwhile: go back to the list.
            Response.Headers["HX-Redirect"] = Url.Page("/Clusters/Index");
            return NotFound();
        }

        if (cluster.LastRun?.IsActive != true)
        {
            Response.RefreshWholePage();
        }

        return Partial("_RunProgress", cluster);
    }
}
