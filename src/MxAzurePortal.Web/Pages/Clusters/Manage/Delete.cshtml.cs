using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters.Manage;

/// <summary>Deletion, confirmed by typing the cluster's name; it runs as a durable run.</summary>
public sealed class DeleteModel(ClusterService clusters) : PageModel
{
    public ClusterOverview Cluster { get; private set; } = null!;

    public int Tickets { get; private set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetOverviewAsync(id, cancellationToken);
        if (cluster is null)
        {
            return NotFound();
        }

        Cluster = cluster;
        Tickets = await clusters.CountTicketsAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OnGetAsync(id, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        var result = await clusters.DeleteAsync(id, Confirmation ?? "", cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddRuleErrors(result, prefix: "");
            return page;
        }

        TempData["Status"] = $"Deleting {Cluster.Name}: its Azure resources are being removed.";
        return RedirectToPage("/Clusters/Overview", new { id });
    }
}
