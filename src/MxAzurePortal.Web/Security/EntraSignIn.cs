using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MxAzurePortal.Infrastructure.Identity;

namespace MxAzurePortal.Web.Security;

/// <summary>
/// Turns a validated Entra ID sign-in into a portal user: finds (or records) the user by e-mail, takes the
/// staff role from the configured claim, and adds the same portal claims a local sign-in gets.
/// </summary>
public sealed class EntraSignIn(
    UserManager<PortalUser> users,
    PortalClaimsBuilder claimsBuilder,
    IOptions<PortalAuthenticationOptions> options,
    ILogger<EntraSignIn> logger)
{
    public async Task<bool> AddPortalClaimsAsync(ClaimsPrincipal principal)
    {
        var email = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst(ClaimTypes.Email)?.Value;
        if (principal.Identity is not ClaimsIdentity identity || string.IsNullOrWhiteSpace(email))
        {
            logger.LogWarning("Entra ID sign-in without an e-mail address was refused");
            return false;
        }

        var user = await users.FindByEmailAsync(email);
        var staffRole = EntraStaffRoles.From(principal, options.Value);
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            user.DisplayName = principal.FindFirst("name")?.Value ?? email;
            user.StaffRole = staffRole;
            var created = await users.CreateAsync(user);
            if (!created.Succeeded)
            {
                logger.LogError("Could not record Entra ID user {Email}: {Errors}", email, created.Errors.Select(e => e.Description));
                return false;
            }
        }
        else if (user.StaffRole != staffRole)
        {
            // Entra ID is the authority on who is staff: a removed group membership ends staff access.
            user.StaffRole = staffRole;
            await users.UpdateAsync(user);
        }

        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        identity.AddClaims(await claimsBuilder.BuildAsync(user));
        return true;
    }
}
