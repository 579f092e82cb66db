using System.Net;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Security;

public sealed class RoleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("member@contoso.example")]
    [InlineData("manager@contoso.example")]
    [InlineData("member@fabrikam.example")]
    public async Task Customers_are_denied_the_admin_view_and_do_not_see_it_in_the_navigation(string email)
    {
        var session = await PortalSession.SignedInAsync(factory, email);

        var admin = await session.Client.GetAsync(new Uri("/Admin", UriKind.Relative));
        var nav = (await session.GetDocumentAsync("/Clusters")).QuerySelector("nav[aria-label=Main]")!.TextContent;

        Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", admin.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("Admin", nav, StringComparison.Ordinal);
        Assert.Contains("Support", nav, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("support@mendix.example")]
    [InlineData("admin@mendix.example")]
    public async Task Staff_reach_the_admin_view_with_every_organisation_but_not_the_customer_pages(string email)
    {
        var session = await PortalSession.SignedInAsync(factory, email);

        var home = await session.Client.GetAsync(new Uri("/", UriKind.Relative));
        var admin = await session.GetDocumentAsync("/Admin");
        var clusters = await session.Client.GetAsync(new Uri("/Clusters", UriKind.Relative));

        Assert.Equal("/Admin", home.Headers.Location?.OriginalString);
        var organisations = admin.QuerySelectorAll("tbody th").Select(th => th.TextContent).ToList();
        Assert.Contains(DemoAccounts.Contoso, organisations);
        Assert.Contains(DemoAccounts.Fabrikam, organisations);
        Assert.Equal(HttpStatusCode.Redirect, clusters.StatusCode);
        Assert.StartsWith("/Identity/Account/AccessDenied", clusters.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
