using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters.Manage;

/// <summary>The setup steps after the first: they apply only to the caller's cluster while it is Ready to initialize.</summary>
public abstract class SetupPageModel(ClusterService clusters) : PageModel
{
    protected ClusterService Clusters { get; } = clusters;

    public ClusterOverview Cluster { get; private set; } = null!;

    protected async Task<IActionResult> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await Clusters.GetOverviewAsync(id, cancellationToken);
        if (cluster is null)
        {
            return NotFound();
        }

        Cluster = cluster;
        if (cluster.Status != ClusterStatus.ReadyToInitialize)
        {
            TempData["Status"] = cluster.Status switch
            {
                ClusterStatus.Initializing => "The cluster is being initialized; its setup cannot change any more.",
                ClusterStatus.Failed => "The cluster's initialization has started, so its setup cannot change any more: rerun it, or delete the cluster and create it again.",
                ClusterStatus.Deleting => "The cluster is being deleted.",
                _ => "The cluster has been initialized already; its setup cannot change any more.",
            };
            return RedirectToPage("/Clusters/Overview", new { id });
        }

        return Page();
    }
}
