using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MxAzurePortal.Infrastructure.Identity;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Areas.Identity.Pages.Account;

/// <summary>Signing out is a POST (with its antiforgery token), so no link or image can sign a user out.</summary>
[AllowAnonymous]
public sealed class LogoutModel(SignInManager<PortalUser> signIn, IOptions<PortalAuthenticationOptions> authentication) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (authentication.Value.Provider == SignInProvider.EntraId)
        {
            return SignOut(
                new Microsoft.AspNetCore.Authentication.AuthenticationProperties { RedirectUri = "/" },
                CookieAuthenticationDefaults.AuthenticationScheme,
                OpenIdConnectDefaults.AuthenticationScheme);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("/Account/Login", new { area = "Identity" });
    }
}
