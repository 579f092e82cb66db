using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Admin;

namespace MxAzurePortal.Web.Pages.Admin.Clusters;

/// <summary>A cluster's metadata for staff, its access grants, and Start for an approved grant.</summary>
public sealed class DetailsModel(AdminService admin, StaffAccessService staffAccess) : PageModel
{
    public AdminClusterDetails Cluster { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await admin.GetClusterAsync(id, cancellationToken) is not { } cluster)
        {
            return NotFound();
        }

        Cluster = cluster;
        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync(Guid id, Guid grantId, CancellationToken cancellationToken)
    {
        if (await admin.GetClusterAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        var result = await staffAccess.ActivateAsync(id, grantId, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddRuleErrors(result);
            return await OnGetAsync(id, cancellationToken);
        }

        TempData["Status"] = "Access started. Every page you open under it is written to the customer's activity log.";
        return RedirectToPage(new { id });
    }
}
