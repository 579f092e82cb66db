using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Admin;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Admin.Clusters;

/// <summary>Every customer's clusters (metadata only), searched, filtered by status and paged.</summary>
public sealed class IndexModel(AdminService admin) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public ClusterStatus? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    /// <summary>Keeps the list to one organisation's clusters (the staff's organisation list links here).</summary>
    [BindProperty(SupportsGet = true, Name = "org")]
    public Guid? OrganisationId { get; set; }

    /// <summary>The name of the organisation the list keeps to, when there is one.</summary>
    public string? OrganisationName { get; private set; }

    public AdminClusterPage Result { get; private set; } = new([], 1, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // A list kept to an organisation that is not there, or to a value that is no organisation's id, is not found
        // (rather than quietly widened to every organisation).
        if (ModelState.TryGetValue("org", out var organisation) && organisation.Errors.Count > 0)
        {
            return NotFound();
        }

        if (OrganisationId is { } organisationId)
        {
            OrganisationName = await admin.GetOrganisationNameAsync(organisationId, cancellationToken);
            if (OrganisationName is null)
            {
                return NotFound();
            }
        }

        Search = SearchText.Limit(Search);
        Status = Status is { } status && Enum.IsDefined(status) ? status : null;
        Result = await admin.ListClustersAsync(new AdminClusterQuery(Search, Status, PageNumber, OrganisationId), cancellationToken);
        return Page();
    }
}
