using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>The customer's view of staff access to a cluster: every grant, and Revoke.</summary>
public sealed class AccessModel(ClusterService clusters, AccessService access) : PageModel
{
    public Guid ClusterId { get; private set; }

    public string ClusterName { get; private set; } = "";

    public IReadOnlyList<AccessGrantView> Grants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetHeaderAsync(id, cancellationToken);
        if (cluster is null)
        {
            return NotFound();
        }

        (ClusterId, ClusterName) = (cluster.Id, cluster.Name);
        Grants = await access.ListAsync(id, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, Guid grantId, CancellationToken cancellationToken)
    {
        if (await OnGetAsync(id, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        var result = await access.RevokeAsync(id, grantId, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddRuleErrors(result);
            return page;
        }

        TempData["Status"] = "Access revoked: Mendix staff can no longer reach this cluster under that grant.";
        return RedirectToPage(new { id });
    }
}
