namespace MxAzurePortal.Web.Api;

/// <summary>Claims a token-authenticated request carries besides the portal's own (<see cref="Application.Security.PortalClaimTypes"/>).</summary>
public static class ApiClaimTypes
{
    public const string TokenId = "mx:token_id";
    public const string TokenName = "mx:token_name";
    public const string Scope = "mx:scope";
}
