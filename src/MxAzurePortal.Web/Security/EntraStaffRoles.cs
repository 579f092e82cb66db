using System.Security.Claims;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Security;

/// <summary>Recognises Mendix staff in an Entra ID sign-in by the configured group or role claim.</summary>
public static class EntraStaffRoles
{
    public static StaffRole? From(ClaimsPrincipal principal, PortalAuthenticationOptions options)
    {
        var values = principal.FindAll(options.StaffClaimType).Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (options.AdministratorClaimValues.Any(values.Contains))
        {
            return StaffRole.Administrator;
        }

        return options.SupportEngineerClaimValues.Any(values.Contains) ? StaffRole.SupportEngineer : null;
    }
}
