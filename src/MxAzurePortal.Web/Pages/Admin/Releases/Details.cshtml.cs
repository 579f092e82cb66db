using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.Web.Pages.Admin.Releases;

/// <summary>One release: what it installs and its outcome on each cluster.</summary>
public sealed class DetailsModel(ReleaseService releases) : PageModel
{
    public ReleaseDetails Details { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await releases.GetAsync(id, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        Details = details;
        Today = releases.Today;
        return Page();
    }
}
