using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters.Runs;

/// <summary>The Details view of a run: every step, what ARM said, and the step logs.</summary>
public sealed class DetailsModel(ClusterService clusters) : PageModel
{
    public Guid ClusterId { get; private set; }

    public RunDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid runId, CancellationToken cancellationToken)
    {
        var details = await clusters.GetRunAsync(id, runId, cancellationToken);
        if (details is null)
        {
            return NotFound();
        }

        (ClusterId, Details) = (id, details);
        return Page();
    }
}
