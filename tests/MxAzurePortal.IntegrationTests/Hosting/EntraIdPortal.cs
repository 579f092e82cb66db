using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>A portal configured for Entra ID sign-in, as an operator would, with an authority that needs no network.</summary>
public static class EntraIdPortal
{
    public const string TenantId = "11111111-2222-3333-4444-555555555555";

    public const string ClientId = "66666666-7777-8888-9999-000000000000";

    public const string SupportGroup = "0a0a0a0a-support-engineers";

    public const string AuthorizationEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize";

    public static PortalFactory Create() => PortalFactory.With(new Dictionary<string, string>
    {
        ["Authentication:Provider"] = "EntraId",
        ["Authentication:StaffClaimType"] = "groups",
        ["Authentication:SupportEngineerClaimValues:0"] = SupportGroup,
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
        ["AzureAd:ClientSecret"] = "test-secret",
        ["AzureAd:CallbackPath"] = "/signin-oidc",
    });

    /// <summary>Entra ID's discovery document as configuration, so a challenge redirects without fetching it.</summary>
    public static void UseOfflineAuthority(IServiceCollection services) =>
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(
                new OpenIdConnectConfiguration { AuthorizationEndpoint = AuthorizationEndpoint }));
}
