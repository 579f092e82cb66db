using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Support;

public sealed class IndexModel(ClusterService clusters) : PageModel
{
    public IReadOnlyList<ClusterListItem> Clusters { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Clusters = await clusters.ListAsync(status: null, cancellationToken);
}
