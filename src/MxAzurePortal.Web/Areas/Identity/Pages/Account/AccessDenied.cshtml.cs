using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MxAzurePortal.Web.Areas.Identity.Pages.Account;

public sealed class AccessDeniedModel : PageModel
{
    public void OnGet()
    {
    }
}
