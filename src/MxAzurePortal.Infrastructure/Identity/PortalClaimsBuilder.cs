using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.Infrastructure.Identity;

/// <summary>
/// Builds the portal's own claims (user id, display name, organisation, its role, staff role) for a user, whichever
/// way they signed in. It runs before any tenant is known, so it reads memberships past the tenant filter.
/// </summary>
public sealed class PortalClaimsBuilder(PortalDbContext db)
{
    /// <summary>Every claim type <see cref="BuildAsync"/> may add: what a refresh of them replaces.</summary>
    public static readonly IReadOnlySet<string> ClaimTypesBuilt = new HashSet<string>(StringComparer.Ordinal)
    {
        PortalClaimTypes.UserId, ClaimTypes.GivenName, PortalClaimTypes.StaffRole,
        PortalClaimTypes.OrganisationId, PortalClaimTypes.OrganisationName, PortalClaimTypes.OrganisationRole,
    };

    public async Task<IReadOnlyList<Claim>> BuildAsync(PortalUser user, CancellationToken cancellationToken = default)
    {
        var claims = new List<Claim> { new(PortalClaimTypes.UserId, user.Id), new(ClaimTypes.GivenName, user.DisplayName) };
        if (user.StaffRole is { } staffRole)
        {
            claims.Add(new Claim(PortalClaimTypes.StaffRole, staffRole.ToString()));
        }

        var membership = await db.Memberships.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.UserId == user.Id)
            .Select(m => new { m.OrganisationId, OrganisationName = m.Organisation!.Name, m.Role })
            .SingleOrDefaultAsync(cancellationToken);
        if (membership is not null)
        {
            claims.Add(new Claim(PortalClaimTypes.OrganisationId, membership.OrganisationId.ToString("D", CultureInfo.InvariantCulture)));
            claims.Add(new Claim(PortalClaimTypes.OrganisationName, membership.OrganisationName));
            claims.Add(new Claim(PortalClaimTypes.OrganisationRole, membership.Role.ToString()));
        }

        return claims;
    }
}
