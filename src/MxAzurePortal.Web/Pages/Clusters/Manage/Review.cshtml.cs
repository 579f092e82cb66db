using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters.Manage;

/// <summary>Step 4: everything at a glance, and the button that starts the initialization run.</summary>
public sealed class ReviewModel(ClusterService clusters) : SetupPageModel(clusters)
{
    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) => LoadAsync(id, cancellationToken);

    public async Task<IActionResult> OnPostAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var loaded = await LoadAsync(id, cancellationToken);
        if (loaded is not PageResult)
        {
            return loaded;
        }

        var result = await Clusters.InitializeAsync(id, version, cancellationToken);
        if (result.IsValid)
        {
            TempData["Status"] = $"Initialization of {Cluster.Name} has started.";
            return RedirectToPage("/Clusters/Overview", new { id });
        }

        ModelState.AddRuleErrors(result);
        return await LoadAsync(id, cancellationToken) is PageResult page ? page : RedirectToPage("/Clusters/Overview", new { id });
    }
}
