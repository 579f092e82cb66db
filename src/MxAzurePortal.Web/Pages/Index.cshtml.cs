using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Pages;

/// <summary>The front door: customers go to their clusters, staff to the admin view.</summary>
public sealed class IndexModel(IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync()
    {
        if ((await authorization.AuthorizeAsync(User, Policies.Customer)).Succeeded)
        {
            return RedirectToPage("/Clusters/Index");
        }

        if ((await authorization.AuthorizeAsync(User, Policies.Staff)).Succeeded)
        {
            return RedirectToPage("/Admin/Index");
        }

        return Page();
    }
}
