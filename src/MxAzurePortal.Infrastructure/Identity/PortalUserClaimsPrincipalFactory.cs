using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace MxAzurePortal.Infrastructure.Identity;

/// <summary>Adds the portal's claims to a local account's sign-in cookie (and on each security-stamp refresh).</summary>
public sealed class PortalUserClaimsPrincipalFactory(
    UserManager<PortalUser> userManager,
    IOptions<IdentityOptions> options,
    PortalClaimsBuilder claimsBuilder)
    : UserClaimsPrincipalFactory<PortalUser>(userManager, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(await claimsBuilder.BuildAsync(user));
        return identity;
    }
}
