using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Customizations;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>The allowed customizations of a cluster: every member reads them, Cluster Managers apply them.</summary>
public sealed class CustomizationsModel(ClusterService clusters, CustomizationService customizations, IAuthorizationService authorization)
    : CustomizationsPageBase(clusters, customizations, authorization)
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ShowCurrent();
        return Page();
    }

    /// <summary>The changes list htmx polls while one is applying; when it ends, the page reloads to show the new values.</summary>
    public async Task<IActionResult> OnGetChangesAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!View.ChangeInProgress)
        {
            Response.RefreshWholePage();
        }

        return Partial("_CustomizationChanges", View);
    }
}
