using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>The customer's view of staff access to a cluster: every request and grant; Approve, Deny and Revoke.</summary>
public sealed class AccessModel(ClusterService clusters, AccessService access, ICurrentUser user) : PageModel
{
    public Guid ClusterId { get; private set; }

    public string ClusterName { get; private set; } = "";

    public IReadOnlyList<AccessGrantView> Grants { get; private set; } = [];

    public bool CanDecide => user.OrganisationRole == OrganisationRole.ClusterManager;

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

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid grantId, GrantDecision? decision, CancellationToken cancellationToken)
    {
        if (await clusters.GetHeaderAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        if (decision is not { } chosen || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        var result = await access.DecideAsync(id, grantId, chosen, cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddRuleErrors(result);
            return await OnGetAsync(id, cancellationToken);
        }

        TempData["Status"] = chosen switch
        {
            GrantDecision.Approve => "Access approved: Mendix Support can start it within 24 hours, for the hours requested.",
            GrantDecision.Deny => "Access denied: Mendix Support have been refused.",
            _ => "Access revoked: Mendix staff can no longer reach this cluster under that grant.",
        };
        return RedirectToPage(new { id });
    }
}
