using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>The Activity view on a Cluster Overview, filterable by keyword and date.</summary>
public sealed class ActivityModel(ClusterService clusters, ActivityService activity) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Guid ClusterId { get; private set; }

    public string ClusterName { get; private set; } = "";

    public ActivityPage Result { get; private set; } = new([], 1, false);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetHeaderAsync(id, cancellationToken);
        if (cluster is null)
        {
            return NotFound();
        }

        (ClusterId, ClusterName) = (cluster.Id, cluster.Name);
        if (From > To)
        {
            ModelState.AddModelError(nameof(From), "The From date is after the To date; showing every date.");
            (From, To) = (null, null);
        }

        Keyword = SearchText.Limit(Keyword);
        Result = await activity.ListAsync(id, new ActivityQuery(Keyword, From, To, PageNumber), cancellationToken);
        return Page();
    }
}
