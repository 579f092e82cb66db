using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Security;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.IntegrationTests.Security;

/// <summary>Production sign-in: OpenID Connect with Entra ID, switched on by configuration alone.</summary>
public sealed class EntraIdSignInTests : IDisposable
{
    private const string TenantId = EntraIdPortal.TenantId;
    private const string SupportGroup = EntraIdPortal.SupportGroup;

    private readonly PortalFactory factory = EntraIdPortal.Create();

    [Fact]
    public async Task Signing_in_challenges_Entra_ID_with_the_configured_client()
    {
        using var offline = factory.WithWebHostBuilder(b => b.ConfigureServices(EntraIdPortal.UseOfflineAuthority));
        var client = offline.CreateDefaultClient();

        var response = await client.GetAsync(new Uri("/Clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(EntraIdPortal.AuthorizationEndpoint, location, StringComparison.Ordinal);
        Assert.Contains($"client_id={EntraIdPortal.ClientId}", location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_page_offers_Microsoft_sign_in_instead_of_a_password()
    {
        var page = await new PortalSession(factory).GetDocumentAsync("/Identity/Account/Login");

        Assert.Contains("Sign in with Microsoft", page.QuerySelector("button")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[type=password]"));
    }

    [Fact]
    public async Task A_customer_gets_their_organisation_claims_from_the_portals_membership()
    {
        var principal = await SignInAsync("manager@contoso.example");

        Assert.Equal("Contoso", principal.FindFirst(PortalClaimTypes.OrganisationName)?.Value);
        Assert.Equal("ClusterManager", principal.FindFirst(PortalClaimTypes.OrganisationRole)?.Value);
        Assert.Null(principal.FindFirst(PortalClaimTypes.StaffRole));
    }

    [Fact]
    public async Task Staff_are_recognised_by_the_configured_group_and_recorded_on_first_sign_in()
    {
        var principal = await SignInAsync("new.engineer@mendix.example", SupportGroup);

        Assert.Equal(nameof(StaffRole.SupportEngineer), principal.FindFirst(PortalClaimTypes.StaffRole)?.Value);
        Assert.Null(principal.FindFirst(PortalClaimTypes.OrganisationId));
        Assert.NotNull(principal.FindFirst(PortalClaimTypes.UserId));
    }

    [Fact]
    public async Task Leaving_the_staff_group_in_Entra_ID_ends_staff_rights_at_the_next_sign_in()
    {
        await SignInAsync("leaver@mendix.example", SupportGroup);

        var principal = await SignInAsync("leaver@mendix.example");

        Assert.Null(principal.FindFirst(PortalClaimTypes.StaffRole));
    }

    [Fact]
    public async Task An_address_given_to_another_Entra_account_does_not_open_the_portal_user_it_was_bound_to()
    {
        var first = await SignInAsync("manager@contoso.example");

        var (other, signedIn) = await TrySignInAsync("manager@contoso.example", Guid.NewGuid().ToString());

        Assert.False(signedIn);
        Assert.Null(other.FindFirst(PortalClaimTypes.OrganisationId));
        Assert.NotNull(first.FindFirst(PortalClaimTypes.OrganisationId));
    }

    [Fact]
    public async Task A_renamed_account_keeps_its_portal_user_and_organisation()
    {
        var before = await SignInAsync("manager@contoso.example");

        var (after, signedIn) = await TrySignInAsync("casey.renamed@contoso.example", ObjectIdOf("manager@contoso.example"));

        Assert.True(signedIn);
        Assert.Equal(before.FindFirst(PortalClaimTypes.UserId)!.Value, after.FindFirst(PortalClaimTypes.UserId)!.Value);
        Assert.Equal("Contoso", after.FindFirst(PortalClaimTypes.OrganisationName)?.Value);
    }

    [Fact]
    public async Task A_sign_in_without_an_object_id_is_refused()
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("preferred_username", "manager@contoso.example"), new Claim("tid", TenantId)], "oidc"));

        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<EntraSignIn>().AddPortalClaimsAsync(principal));
    }

    public void Dispose() => factory.Dispose();

    private async Task<ClaimsPrincipal> SignInAsync(string email, params string[] groups)
    {
        var (principal, signedIn) = await TrySignInAsync(email, ObjectIdOf(email), groups);
        Assert.True(signedIn);
        return principal;
    }

    /// <summary>What Entra ID's validated ID token carries: the account's tenant and object id, its sign-in name, groups.</summary>
    private async Task<(ClaimsPrincipal Principal, bool SignedIn)> TrySignInAsync(string email, string objectId, params string[] groups)
    {
        var claims = new List<Claim> { new("preferred_username", email), new("name", email), new("tid", TenantId), new("oid", objectId) };
        claims.AddRange(groups.Select(g => new Claim("groups", g)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "oidc"));

        await using var scope = factory.Services.CreateAsyncScope();
        return (principal, await scope.ServiceProvider.GetRequiredService<EntraSignIn>().AddPortalClaimsAsync(principal));
    }

    private static string ObjectIdOf(string email) =>
        new Guid(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes(email))).ToString();
}
