using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Admin.Clusters;

/// <summary>
/// A staff page of a cluster's customer data. It opens only under an access grant that is active at this request, and
/// each time it does, one entry goes to the customer's activity log; otherwise the page answers 403 and says why.
/// </summary>
public abstract class GrantedPageModel(ClusterService clusters, StaffAccessService staffAccess) : PageModel
{
    protected ClusterService Clusters { get; } = clusters;

    public Guid ClusterId { get; private set; }

    public string ClusterName { get; private set; } = "";

    public string? Refusal { get; private set; }

    public DateTimeOffset? ActiveUntil { get; private set; }

    /// <summary>Null when the page may show the data; otherwise the result to return (404, or the 403 refusal).</summary>
    protected async Task<IActionResult?> EnterAsync(Guid id, string what, CancellationToken cancellationToken)
    {
        if (await Clusters.GetHeaderAsync(id, cancellationToken) is not { } cluster)
        {
            return NotFound();
        }

        (ClusterId, ClusterName) = (cluster.Id, cluster.Name);
        var entry = await staffAccess.EnterAsync(id, what, cancellationToken);
        if (entry.Allowed)
        {
            ActiveUntil = entry.ActiveUntil;
            return null;
        }

        Refusal = entry.Refusal;
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
