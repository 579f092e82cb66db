using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters.Manage;

/// <summary>Step 2: the pre-flight validation checks, run again on demand.</summary>
public sealed class PreflightModel(ClusterService clusters) : SetupPageModel(clusters)
{
    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is not PageResult)
        {
            return await LoadAsync(id, cancellationToken);
        }

        await Clusters.RunPreflightAsync(id, cancellationToken);
        return RedirectToPage(new { id });
    }
}
