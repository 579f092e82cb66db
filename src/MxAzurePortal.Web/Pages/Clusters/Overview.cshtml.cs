using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>The Cluster Overview. Another organisation's cluster is answered as not found.</summary>
public sealed class OverviewModel(ClusterService clusters) : PageModel
{
    public ClusterOverview Cluster { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetOverviewAsync(id, cancellationToken);
        if (cluster is null)
        {
            return NotFound();
        }

        Cluster = cluster;
        return Page();
    }
}
