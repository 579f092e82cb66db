using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.IntegrationTests.Security;

/// <summary>
/// An Entra ID session keeps the portal's claims it got at sign-in only for a minute: they are built again from the
/// portal's memberships, a locked account is signed out, and no session outlives its maximum age.
/// </summary>
public sealed class EntraIdSessionTests : IDisposable
{
    private const string SignInPath = "/test-only/entra-sign-in";

    private readonly PortalFactory factory = EntraIdPortal.Create();

    private readonly WebApplicationFactory<Program> portal;

    public EntraIdSessionTests() => portal = factory.WithWebHostBuilder(b => b.ConfigureServices(services =>
    {
        EntraIdPortal.UseOfflineAuthority(services);
        services.AddSingleton<IStartupFilter, EntraSignInShortcut>();
    }));

    [Fact]
    public async Task A_role_changed_in_the_portal_takes_effect_in_an_open_session_within_a_minute()
    {
        var client = await SignedInAsync(DemoAccounts.ContosoManager.Email);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Clusters/New", UriKind.Relative))).StatusCode);

        await factory.WithDatabaseAsync(db => db.Memberships.Where(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoAccounts.ContosoManager.Email))
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.Role, MxAzurePortal.Application.Organisations.OrganisationRole.Member)));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var refused = await client.GetAsync(new Uri("/Clusters/New", UriKind.Relative));
        Assert.StartsWith(AuthenticationSetup.AccessDeniedPath, refused.Headers.Location?.PathAndQuery ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Clusters", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_locked_account_is_signed_out_at_the_next_check()
    {
        var client = await SignedInAsync(DemoAccounts.ContosoMember.Email);
        await factory.WithDatabaseAsync(db => db.Users.Where(u => u.Email == DemoAccounts.ContosoMember.Email)
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnd, PortalFactory.Start.AddYears(1))));
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        var challenged = await client.GetAsync(new Uri("/Clusters", UriKind.Relative));

        Assert.StartsWith("https://login.microsoftonline.com/", challenged.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_in_use_ends_twelve_hours_after_sign_in()
    {
        var client = await SignedInAsync(DemoAccounts.ContosoMember.Email);
        for (var hour = 1; hour <= 11; hour++)
        {
            factory.Clock.Advance(TimeSpan.FromHours(1));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Clusters", UriKind.Relative))).StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromHours(1.01));
        var challenged = await client.GetAsync(new Uri("/Clusters", UriKind.Relative));

        Assert.StartsWith("https://login.microsoftonline.com/", challenged.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    public void Dispose()
    {
        portal.Dispose();
        factory.Dispose();
    }

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = portal.CreateDefaultClient(new Uri("http://localhost"), new CookieHandler(new CookieContainer()));
        var signIn = await client.GetAsync(new Uri($"{SignInPath}?email={Uri.EscapeDataString(email)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, signIn.StatusCode);
        return client;
    }

    /// <summary>What the OpenID Connect handler does once Entra ID's token is validated, without Entra ID.</summary>
    private sealed class EntraSignInShortcut : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            // Not app.Map: the cookie's path would be the mapped path, where no page is.
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != SignInPath)
                {
                    await nextMiddleware(context);
                    return;
                }

                var email = context.Request.Query["email"].ToString();
                var principal = new ClaimsPrincipal(new ClaimsIdentity(
                    [new Claim("preferred_username", email), new Claim("name", email), new Claim("tid", EntraIdPortal.TenantId), new Claim("oid", Guid.NewGuid().ToString())], "oidc"));
                if (!await context.RequestServices.GetRequiredService<EntraSignIn>().AddPortalClaimsAsync(principal))
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return;
                }

                // As the OpenID Connect handler signs in: it then reads only tickets its own sign-in issued.
                var properties = new AuthenticationProperties { Items = { [".AuthScheme"] = OpenIdConnectDefaults.AuthenticationScheme } };
                await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal, properties);
                context.Response.StatusCode = StatusCodes.Status204NoContent;
            });
            next(app);
        };
    }
}
