using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>A cluster's service updates: the maintenance policy, installed versions, upcoming and past updates.</summary>
public sealed class UpdatesModel(ClusterUpdatesService updates) : PageModel
{
    public ClusterUpdatesView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await updates.GetAsync(id, cancellationToken) is not { } view)
        {
            return NotFound();
        }

        View = view;
        return Page();
    }

    public static string Outcome(UpdateStatus? status) => status switch
    {
        null or UpdateStatus.Scheduled => "Scheduled",
        UpdateStatus.Running => "In progress",
        _ => status.Value.ToString(),
    };
}
