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
        if (!ModelState.IsValid)
        {
            // An unknown status in the address shows every cluster rather than an error.
            Status = null;
        }

        Clusters = await clusters.ListAsync(Status, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ClusterManager)).Succeeded;
    }
}
