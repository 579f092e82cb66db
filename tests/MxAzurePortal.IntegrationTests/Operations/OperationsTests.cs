using System.Net;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Operations;

public sealed class OperationsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/healthz")]
    [InlineData("/readyz")]
    public async Task Health_endpoints_answer_anonymously(string path)
    {
        var response = await factory.CreatePortalClient().GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Versioned_static_files_are_cached_for_a_year_and_unversioned_ones_are_revalidated()
    {
        var client = factory.CreatePortalClient();
        var login = await client.GetStringAsync(new Uri("/Identity/Account/Login", UriKind.Relative));
        var stylesheet = System.Text.RegularExpressions.Regex.Match(login, "href=\"(/lib/bootstrap/css/bootstrap.min.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(stylesheet);

        using var versioned = await client.GetAsync(new Uri(stylesheet, UriKind.Relative));
        using var plain = await client.GetAsync(new Uri("/lib/bootstrap/css/bootstrap.min.css", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, versioned.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", versioned.Headers.CacheControl?.ToString());
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plain.Headers.CacheControl?.NoCache);
    }

    [Fact]
    public async Task Readiness_fails_when_the_database_cannot_be_reached()
    {
        var unreachable = Path.Combine(Path.GetTempPath(), "mxazureportal-tests", Guid.NewGuid().ToString("N"), "portal.db");
        using var broken = PortalFactory.On(unreachable, new Dictionary<string, string>
        {
            // A worker's query would create the database file again (SQLite's ReadWriteCreate): keep them idle meanwhile.
            ["Runs:PollMilliseconds"] = "60000",
            ["Support:PollMilliseconds"] = "60000",
            ["Deployments:PollMilliseconds"] = "60000",
        });
        _ = broken.CreatePortalClient();
        await Task.Delay(500);
        Directory.Delete(Path.GetDirectoryName(unreachable)!, recursive: true);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var ready = await broken.CreatePortalClient().GetAsync(new Uri("/readyz", UriKind.Relative));
        var live = await broken.CreatePortalClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Pages_carry_the_security_headers()
    {
        var response = await factory.CreatePortalClient().GetAsync(new Uri("/Identity/Account/Login", UriKind.Relative));

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task An_unknown_address_gets_the_portals_not_found_page()
    {
        var session = await PortalSession.SignedInAsync(factory, Sandbox.DemoData.DemoAccounts.ContosoMember.Email);

        var response = await session.Client.GetAsync(new Uri("/Clusters/" + Guid.NewGuid(), UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await PortalSession.ParseAsync(response);
        Assert.Equal("Page not found", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task Bootstrap_and_htmx_are_served_by_the_portal_itself()
    {
        var client = factory.CreatePortalClient();

        foreach (var path in new[] { "/lib/bootstrap/css/bootstrap.min.css", "/lib/bootstrap/js/bootstrap.bundle.min.js", "/lib/htmx/htmx.min.js" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Only_a_request_that_brought_a_status_message_gets_its_cookie_deleted()
    {
        var session = await PortalSession.SignedInAsync(factory, Sandbox.DemoData.DemoAccounts.SupportEngineer.Email);

        using var plain = await session.Client.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Null(TempDataCookie(plain));

        var page = await PortalSession.ParseAsync(plain);
        var form = page.QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(f => f.Action.Contains("handler=MendixOnKubernetes", StringComparison.Ordinal));
        using var switched = await session.SubmitAsync(form, new Dictionary<string, string> { ["available"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.DoesNotContain("expires=Thu, 01 Jan 1970", TempDataCookie(switched) ?? "missing", StringComparison.Ordinal);

        using var shown = await session.Client.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Contains("Simulated Mendix on Kubernetes is now unavailable.", await shown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("expires=Thu, 01 Jan 1970", TempDataCookie(shown) ?? "missing", StringComparison.Ordinal);

        using var after = await session.Client.GetAsync(new Uri("/Admin", UriKind.Relative));
        Assert.Null(TempDataCookie(after));
        Assert.DoesNotContain("Simulated Mendix on Kubernetes is now unavailable.", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var restore = (await PortalSession.ParseAsync(after)).QuerySelectorAll("form").OfType<AngleSharp.Html.Dom.IHtmlFormElement>().First(f => f.Action.Contains("handler=MendixOnKubernetes", StringComparison.Ordinal));
        using var restored = await session.SubmitAsync(restore, new Dictionary<string, string> { ["available"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
    }

    private static string? TempDataCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.FirstOrDefault(c => c.StartsWith(".AspNetCore.Mvc.CookieTempDataProvider=", StringComparison.Ordinal))
            : null;
}
