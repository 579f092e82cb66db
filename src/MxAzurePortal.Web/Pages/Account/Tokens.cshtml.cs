using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.ApiTokens;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Pages.Account;

/// <summary>The user's personal access tokens for the Deploy API: create (shown once), list, revoke.</summary>
public sealed class TokensModel(ApiTokenService tokens, ICurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<ApiTokenListItem> Tokens { get; private set; } = [];

    /// <summary>The new token in clear: rendered in the answer to Create and never again.</summary>
    public CreatedApiToken? Created { get; private set; }

    public bool CanCreate => user.OrganisationId is not null;

    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Tokens = await tokens.ListMineAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var scopes = (Input.Read ? ApiScopes.DeploymentRead : ApiScopes.None) | (Input.Write ? ApiScopes.DeploymentWrite : ApiScopes.None);
            var (result, created) = await tokens.CreateAsync(new NewApiToken(Input.Name ?? "", scopes, Input.ExpiresOn), cancellationToken);
            if (result.IsValid)
            {
                Created = created;
                Input = new InputModel();
                ModelState.Clear();
                Response.Headers.CacheControl = "no-store";
            }
            else
            {
                ModelState.AddRuleErrors(result);
            }
        }

        await OnGetAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid tokenId, CancellationToken cancellationToken)
    {
        var result = await tokens.RevokeAsync(tokenId, cancellationToken);
        if (!result.IsValid)
        {
            TempData["Error"] = result.Errors[0].Message;
        }
        else
        {
            TempData["Status"] = "Token revoked: calls with it are refused from now on.";
        }

        return RedirectToPage();
    }

    public sealed class InputModel
    {
        [Display(Name = "Name")]
        [StringLength(ApiToken.NameMaxLength)]
        public string? Name { get; set; }

        [Display(Name = "deployment:read")]
        public bool Read { get; set; } = true;

        [Display(Name = "deployment:write")]
        public bool Write { get; set; }

        [Display(Name = "Expires on (UTC, optional)")]
        public DateOnly? ExpiresOn { get; set; }
    }
}
