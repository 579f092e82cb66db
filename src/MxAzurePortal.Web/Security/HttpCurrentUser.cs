using System.Globalization;
using System.Security.Claims;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Security;

/// <summary>The signed-in user, read from the portal's claims on the request.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => accessor.HttpContext?.User;

    public string? UserId => Find(PortalClaimTypes.UserId);

    public string? DisplayName => Find(ClaimTypes.GivenName) ?? Principal?.Identity?.Name;

    public string? Email => Find(ClaimTypes.Email) ?? Find("preferred_username") ?? Principal?.Identity?.Name;

    public Guid? OrganisationId =>
        Guid.TryParse(Find(PortalClaimTypes.OrganisationId), CultureInfo.InvariantCulture, out var id) ? id : null;

    public string? OrganisationName => Find(PortalClaimTypes.OrganisationName);

    public OrganisationRole? OrganisationRole =>
        Enum.TryParse<OrganisationRole>(Find(PortalClaimTypes.OrganisationRole), out var role) ? role : null;

    public StaffRole? StaffRole =>
        Enum.TryParse<StaffRole>(Find(PortalClaimTypes.StaffRole), out var role) ? role : null;

    public string? AzurePrincipal =>
        Find("http://schemas.microsoft.com/identity/claims/objectidentifier") ?? Find("oid") ?? Principal?.Identity?.Name;

    public string? RemoteAddress => accessor.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? ApiTokenName => Find(Api.ApiClaimTypes.TokenName);

    private string? Find(string type) =>
        Principal?.Identity?.IsAuthenticated == true ? Principal.FindFirst(type)?.Value : null;
}
