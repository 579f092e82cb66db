using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Security;

/// <summary>
/// Sets the request's <see cref="TenantScope"/> from the signed-in user: customers see their own
/// organisation, staff see every organisation's metadata, anyone else sees nothing.
/// </summary>
public sealed class TenantScopeMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context, ICurrentUser user, TenantScope scope)
    {
        if (user.OrganisationId is { } organisationId)
        {
            scope.LimitTo(organisationId);
        }
        else if (user.StaffRole is not null)
        {
            scope.OpenToAllOrganisations();
        }

        return next(context);
    }
}
