using Microsoft.AspNetCore.Authorization;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Security;

/// <summary>The authorization policies; pages name one of these, never test roles themselves.</summary>
public static class Policies
{
    /// <summary>A member of a customer organisation (any role).</summary>
    public const string Customer = nameof(Customer);

    /// <summary>A member who may create, change and delete clusters.</summary>
    public const string ClusterManager = nameof(ClusterManager);

    /// <summary>Mendix staff of any role.</summary>
    public const string Staff = nameof(Staff);

    /// <summary>Mendix staff who administer the service.</summary>
    public const string Administrator = nameof(Administrator);

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Customer, p => p.RequireClaim(PortalClaimTypes.OrganisationId))
            .AddPolicy(ClusterManager, p => p
                .RequireClaim(PortalClaimTypes.OrganisationId)
                .RequireClaim(PortalClaimTypes.OrganisationRole, nameof(OrganisationRole.ClusterManager)))
            .AddPolicy(Staff, p => p.RequireClaim(
                PortalClaimTypes.StaffRole, nameof(StaffRole.SupportEngineer), nameof(StaffRole.Administrator)))
            .AddPolicy(Administrator, p => p.RequireClaim(PortalClaimTypes.StaffRole, nameof(StaffRole.Administrator)));
        return services;
    }
}
