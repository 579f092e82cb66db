using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Web;
using MxAzurePortal.Infrastructure.Identity;

namespace MxAzurePortal.Web.Security;

/// <summary>
/// Turns a validated Entra ID sign-in into a portal user and adds the same portal claims a local sign-in gets.
/// A portal user is bound to one Entra ID account by its tenant and object id, which never change or get reused;
/// the e-mail (<c>preferred_username</c>) only finds the portal user at that account's first sign-in, so a user
/// invited by e-mail is recognised, and an address later given to another account does not open this one.
/// </summary>
public sealed class EntraSignIn(
    UserManager<PortalUser> users,
    PortalClaimsBuilder claimsBuilder,
    IOptions<PortalAuthenticationOptions> options,
    ILogger<EntraSignIn> logger)
{
    public const string LoginProvider = "EntraId";

    public async Task<bool> AddPortalClaimsAsync(ClaimsPrincipal principal)
    {
        var email = principal.FindFirst("preferred_username")?.Value;
        var account = principal.GetTenantId() is { Length: > 0 } tenant && principal.GetObjectId() is { Length: > 0 } objectId
            ? $"{tenant}/{objectId}"
            : null;
        if (principal.Identity is not ClaimsIdentity identity || string.IsNullOrWhiteSpace(email) || account is null)
        {
            logger.LogWarning("Entra ID sign-in without a tenant, object id or preferred_username was refused");
            return false;
        }

        var user = await users.FindByLoginAsync(LoginProvider, account) ?? await BindAsync(email, account, principal);
        if (user is null)
        {
            return false;
        }

        var staffRole = EntraStaffRoles.From(principal, options.Value);
        if (user.StaffRole != staffRole)
        {
            // Entra ID is the authority on who is staff: a removed group membership ends staff access.
            user.StaffRole = staffRole;
            await users.UpdateAsync(user);
        }

        identity.AddClaims(await claimsBuilder.BuildAsync(user));
        return true;
    }

    /// <summary>An account's first sign-in: the portal user of its e-mail (or a new one), bound to the account.</summary>
    private async Task<PortalUser?> BindAsync(string email, string account, ClaimsPrincipal principal)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = principal.FindFirst("name")?.Value ?? email };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                logger.LogError("Could not record Entra ID user {Email}: {Errors}", email, created.Errors.Select(e => e.Description));
                return null;
            }
        }
        else if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == LoginProvider))
        {
            // The portal user belongs to another Entra ID account that had this address before.
            logger.LogWarning("Entra ID account {Account} signed in as {Email}, which is bound to another account; refused", account, email);
            return null;
        }

        var bound = await users.AddLoginAsync(user, new UserLoginInfo(LoginProvider, account, "Microsoft Entra ID"));
        if (!bound.Succeeded)
        {
            logger.LogError("Could not bind Entra ID account {Account} to {Email}: {Errors}", account, email, bound.Errors.Select(e => e.Description));
            return null;
        }

        return user;
    }
}
