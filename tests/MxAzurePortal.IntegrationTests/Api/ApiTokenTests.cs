using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>Personal access tokens: shown once, stored hashed, refused once revoked, expired or when the user left.</summary>
public sealed class ApiTokenTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_token_is_shown_once_stored_as_a_hash_and_listed_with_its_last_use()
    {
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email, name: "listed");

        var call = await manager.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));
        var page = await manager.Portal.GetDocumentAsync("/Account/Tokens");
        var stored = await factory.WithDatabaseAsync(db => db.ApiTokens.SingleAsync(t => t.Name == "listed"));

        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Null(page.QuerySelector("#new-token-value"));
        Assert.DoesNotContain(manager.Token, page.Body!.InnerHtml, StringComparison.Ordinal);
        var row = page.QuerySelector("tr[data-token=listed]")!.TextContent;
        Assert.Contains(manager.Token[..12], row, StringComparison.Ordinal);
        Assert.Contains("deployment:read, deployment:write", row, StringComparison.Ordinal);
        Assert.NotEqual("never", page.QuerySelector("tr[data-token=listed] td:nth-child(5)")!.TextContent);
        Assert.Equal(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(manager.Token)), stored.Hash);
        Assert.Equal(factory.Clock.GetUtcNow(), stored.LastUsedAt);
    }

    [Fact]
    public async Task A_revoked_token_answers_401()
    {
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email, name: "to-revoke");
        Assert.Equal(HttpStatusCode.OK, (await manager.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative))).StatusCode);

        var page = await manager.Portal.GetDocumentAsync("/Account/Tokens");
        var revoke = page.QuerySelector("tr[data-token=to-revoke]")!.QuerySelector<IHtmlFormElement>("form")!;
        var revoked = await manager.Portal.SubmitAsync(revoke, new Dictionary<string, string>());
        var after = await manager.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("The token has been revoked.", (await ApiSession.ProblemAsync(after)).GetProperty("detail").GetString());
        Assert.Contains("Revoked", (await manager.Portal.GetDocumentAsync("/Account/Tokens")).QuerySelector("tr[data-token=to-revoke]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_answers_401()
    {
        var portal = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var expiry = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(1);
        var token = await ApiSession.CreateTokenAsync(portal, "expiring-" + Guid.NewGuid().ToString("N")[..6], expiresOn: expiry.ToString("yyyy-MM-dd"));
        var client = ApiSession.ClientFor(factory, token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative))).StatusCode);

        factory.Clock.Advance(TimeSpan.FromDays(2));
        var after = await client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("The token has expired.", (await ApiSession.ProblemAsync(after)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task The_token_of_a_user_who_left_the_organisation_answers_401()
    {
        var email = $"leaver-{Guid.NewGuid():N}@contoso.example";
        await factory.AddMemberAsync(email, DemoAccounts.Contoso, Application.Organisations.OrganisationRole.ClusterManager);
        var leaver = await ApiSession.CreateAsync(factory, email);
        Assert.Equal(HttpStatusCode.OK, (await leaver.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative))).StatusCode);

        await factory.WithDatabaseAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            return await db.Memberships.Where(m => m.UserId == userId).ExecuteDeleteAsync();
        });
        var after = await leaver.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Contains("no longer a member", (await ApiSession.ProblemAsync(after)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MxToken mxt_not-a-real-token")]
    [InlineData("MxToken mxt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("Bearer mxt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Unknown_or_malformed_tokens_answer_401(string header)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", header);

        var response = await client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("/api/docs#problem-unauthorized", (await ApiSession.ProblemAsync(response)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_signed_in_browser_cookie_does_not_authenticate_the_api()
    {
        var portal = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);

        var response = await portal.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Staff_cannot_create_tokens()
    {
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var page = await staff.GetDocumentAsync("/Account/Tokens");

        Assert.Null(page.QuerySelector("form[action*='handler=Create']"));
        Assert.Contains("for members of a customer organisation", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_needs_a_scope_and_a_name()
    {
        var portal = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var form = (await portal.GetDocumentAsync("/Account/Tokens")).QuerySelector<IHtmlFormElement>("form[action*='handler=Create']")!;

        var response = await portal.SubmitAsync(form, new Dictionary<string, string> { ["Input.Name"] = "", ["Input.Read"] = "false", ["Input.Write"] = "false" });
        var page = await PortalSession.ParseAsync(response);

        Assert.Null(page.QuerySelector("#new-token-value"));
        Assert.Contains("Choose at least one scope", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Give the token a name", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
