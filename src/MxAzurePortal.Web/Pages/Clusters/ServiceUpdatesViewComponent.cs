using Microsoft.AspNetCore.Mvc;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>
/// The compact Service updates section of the Cluster Overview. A view component, so the Overview only places it and
/// its data stays out of the Overview's page model.
/// </summary>
public sealed class ServiceUpdatesViewComponent(ClusterUpdatesService updates) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid clusterId)
    {
        var view = await updates.GetAsync(clusterId, HttpContext.RequestAborted);
        return view is null ? Content("") : View("~/Pages/Clusters/_ServiceUpdates.cshtml", view);
    }
}
