using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Identity;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Areas.Identity.Pages.Account;

[AllowAnonymous]
public sealed class LoginModel(
    SignInManager<PortalUser> signIn,
    IOptions<PortalAuthenticationOptions> authentication,
    SignInHints hints,
    ILogger<LoginModel> logger) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string ReturnUrl { get; private set; } = "/";

    public bool UsesEntraId => authentication.Value.Provider == SignInProvider.EntraId;

    /// <summary>The demo accounts of the embedded default; none with Entra ID, where local accounts do not sign in.</summary>
    public SignInHints Hints => UsesEntraId ? SignInHints.None : hints;

    public void OnGet(string? returnUrl) => ReturnUrl = LocalOrHome(returnUrl);

    /// <summary>Sign-in with Microsoft Entra ID; not found when the portal uses local accounts.</summary>
    public IActionResult OnPostMicrosoft(string? returnUrl) => UsesEntraId
        ? Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(returnUrl) }, OpenIdConnectDefaults.AuthenticationScheme)
        : NotFound();

    public async Task<IActionResult> OnPostAsync(string? returnUrl)
    {
        ReturnUrl = LocalOrHome(returnUrl);
        if (UsesEntraId)
        {
            return OnPostMicrosoft(ReturnUrl);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            logger.LogInformation("User {Email} signed in", Input.Email);
            return LocalRedirect(ReturnUrl);
        }

        ModelState.AddModelError(string.Empty, result.IsLockedOut
            ? "This account is locked for a few minutes after too many failed attempts. Try again later."
            : "The e-mail address or password is not correct.");
        Input.Password = "";
        return Page();
    }

    private string LocalOrHome(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/";

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter an e-mail address such as name@example.com.")]
        [StringLength(256, ErrorMessage = "An e-mail address has at most 256 characters.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        [StringLength(256, ErrorMessage = "A password has at most 256 characters.")]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
