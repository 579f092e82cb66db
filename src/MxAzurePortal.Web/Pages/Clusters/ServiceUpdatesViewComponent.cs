using Microsoft.AspNetCore.Mvc;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>
/// The compact Service updates section of the Cluster Overview. A view component, so the Overview only places it and
/// its data stays out of the Overview's page model; the cluster itself comes with the Overview's own read.
/// </summary>
public sealed class ServiceUpdatesViewComponent(ClusterUpdatesService updates) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(UpdatedCluster cluster) =>
        View("~/Pages/Clusters/_ServiceUpdates.cshtml", await updates.GetAsync(cluster, HttpContext.RequestAborted));
}
