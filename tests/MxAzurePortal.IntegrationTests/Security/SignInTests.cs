using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Security;

public sealed class SignInTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Login_page_is_served_at_the_Identity_default_with_an_antiforgery_token()
    {
        var session = new PortalSession(factory);

        var page = await session.GetDocumentAsync("/Identity/Account/Login");

        var form = page.QuerySelector<IHtmlFormElement>("form")!;
        Assert.NotNull(form.Elements["__RequestVerificationToken"]);
        Assert.NotNull(page.QuerySelector("label[for='Input_Email']"));
    }

    [Fact]
    public async Task The_embedded_defaults_sign_in_page_lists_the_demo_accounts_and_one_without_the_sandbox_does_not()
    {
        using var production = PortalFactory.On(PortalFactory.NewDatabaseFile(), sandbox: false);

        var sandbox = await new PortalSession(factory).GetDocumentAsync("/Identity/Account/Login");
        var none = await new PortalSession(production).GetDocumentAsync("/Identity/Account/Login");

        var listed = sandbox.QuerySelectorAll("[data-testid=demo-accounts] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(DemoAccounts.All.Select(a => $"{a.Email} · {a.Who}"), listed);
        Assert.Contains("Cluster Manager of Contoso", listed[0], StringComparison.Ordinal);
        Assert.Contains(MxAzurePortal.Sandbox.SandboxOptions.DefaultDemoPassword, sandbox.QuerySelector("[data-testid=demo-accounts]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(none.QuerySelector("form input[name='Input.Email']"));
        Assert.Null(none.QuerySelector("[data-testid=demo-accounts]"));
        Assert.DoesNotContain(MxAzurePortal.Sandbox.SandboxOptions.DefaultDemoPassword, none.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_changed_security_stamp_signs_the_session_out_once_the_validation_interval_has_passed()
    {
        await factory.AddMemberAsync("stamp@contoso.example", DemoAccounts.Contoso, Application.Organisations.OrganisationRole.Member);
        var session = await PortalSession.SignedInAsync(factory, "stamp@contoso.example");
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Infrastructure.Identity.PortalUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("stamp@contoso.example"))!);
        }

        factory.Clock.Advance(TimeSpan.FromSeconds(50));
        using var within = await session.Client.GetAsync(new Uri("/Clusters", UriKind.Relative));
        factory.Clock.Advance(TimeSpan.FromSeconds(20));
        using var after = await session.Client.GetAsync(new Uri("/Clusters", UriKind.Relative));

        // Checked once a minute, not on every request; once checked, the changed stamp ends the session.
        Assert.Equal(HttpStatusCode.OK, within.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Identity/Account/Login", after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_customer_signs_in_and_sees_the_Clusters_page_with_its_empty_state()
    {
        var session = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var home = await session.Client.GetAsync(new Uri("/", UriKind.Relative));
        Assert.Equal("/Clusters", home.Headers.Location?.OriginalString);
        var clusters = await session.GetDocumentAsync("/Clusters");

        Assert.Equal("Clusters", clusters.QuerySelector("h1")!.TextContent);
        Assert.Contains("no clusters yet", clusters.QuerySelector(".empty-state")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Contoso", clusters.QuerySelector("[data-testid=signed-in-user]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_clear_message_and_no_cookie()
    {
        var session = new PortalSession(factory);

        var response = await session.SignInAsync(DemoAccounts.ContosoMember.Email, "not-the-password");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalSession.ParseAsync(response);
        Assert.Contains("e-mail address or password is not correct", page.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        var clusters = await session.Client.GetAsync(new Uri("/Clusters", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, clusters.StatusCode);
    }

    [Fact]
    public async Task Login_without_the_antiforgery_token_is_rejected()
    {
        var client = factory.CreatePortalClient();

        var response = await client.PostAsync(new Uri("/Identity/Account/Login", UriKind.Relative), new FormUrlEncodedContent(
            new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.ContosoMember.Email, ["Input.Password"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_and_come_back_afterwards()
    {
        var client = factory.CreatePortalClient();

        var response = await client.GetAsync(new Uri("/Clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Identity/Account/Login?ReturnUrl=%2FClusters", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_never_redirects_off_site()
    {
        var session = new PortalSession(factory);
        var login = await session.GetDocumentAsync("/Identity/Account/Login?returnUrl=https%3A%2F%2Fevil.example%2F");

        var response = await session.SubmitAsync(login.QuerySelector<IHtmlFormElement>("form")!, new Dictionary<string, string>
        {
            ["Input.Email"] = DemoAccounts.ContosoMember.Email,
            ["Input.Password"] = MxAzurePortal.Sandbox.SandboxOptions.DefaultDemoPassword,
        });

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var session = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var clusters = await session.GetDocumentAsync("/Clusters");

        var response = await session.SubmitAsync(clusters.QuerySelector<IHtmlFormElement>("form[action*='Logout']")!, new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await session.Client.GetAsync(new Uri("/Clusters", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }
}
