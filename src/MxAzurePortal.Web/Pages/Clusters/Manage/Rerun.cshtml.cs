using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters.Manage;

/// <summary>The Rerun button of the Cluster Overview: resumes a failed initialization from its failed steps.</summary>
public sealed class RerunModel(ClusterService clusters) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await clusters.GetHeaderAsync(id, cancellationToken) is null ? NotFound() : RedirectToPage("/Clusters/Overview", new { id });

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await clusters.GetHeaderAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await clusters.RerunAsync(id, cancellationToken);
        TempData["Status"] = result.IsValid ? "Rerun started: only the steps that did not succeed run again." : null;
        TempData["Error"] = result.IsValid ? null : string.Join(" ", result.Errors.Select(e => e.Message));
        return RedirectToPage("/Clusters/Overview", new { id });
    }
}
