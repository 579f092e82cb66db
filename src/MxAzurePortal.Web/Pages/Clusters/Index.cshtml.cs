using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Pages.Clusters;

public sealed class IndexModel(ClusterService clusters, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public ClusterStatus? Status { get; set; }

    public IReadOnlyList<ClusterListItem> Clusters { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ClusterManager)).Succeeded;
    }

    /// <summary>How often the list is read again while a cluster is initializing or being deleted.</summary>
    public const int PollSeconds = 3;

    public bool AnyActive => Clusters.Any(c => c.Status is ClusterStatus.Initializing or ClusterStatus.Deleting);

    /// <summary>
    /// The rows htmx polls while a cluster is initializing or being deleted. A list left empty (its last cluster
    /// deleted, or none left in the filtered status) reloads the page, which says so.
    /// </summary>
    public async Task<IActionResult> OnGetRowsAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Clusters.Count == 0)
        {
            Response.RefreshWholePage();
            return new NoContentResult();
        }

        return Partial("_ClusterRows", this);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            // An unknown status in the address shows every cluster rather than an error.
            Status = null;
        }

        Clusters = await clusters.ListAsync(Status, cancellationToken);
    }
}
