using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Updates;

/// <summary>Staff publish releases at /Admin/Releases: Administrators only, and only releases AKS can apply.</summary>
public sealed class ReleasePublishingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_Administrator_publishes_a_release_that_is_then_listed_as_upcoming()
    {
        var admin = await PortalSession.SignedInAsync(factory, DemoAccounts.Administrator.Email);

        var id = await Releases.PublishedAsync(admin, "2026 Q2", "1.32.4", "2.22.0", new DateOnly(2026, 4, 1));

        var details = await admin.GetDocumentAsync($"/Admin/Releases/{id}");
        Assert.Equal("Upcoming", details.QuerySelector("[data-testid=release-state]")!.TextContent.Trim());
        Assert.Contains("is published", details.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var row = (await admin.GetDocumentAsync("/Admin/Releases")).QuerySelector("tr[data-release='2026 Q2']")!;
        Assert.Contains("2026-04-01", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("1.32.4", row.TextContent, StringComparison.Ordinal);
        var release = await factory.WithDatabaseAsync(db => db.ServiceReleases.SingleAsync(r => r.Id == id));
        Assert.Equal(("Alex Admin", "2.22.0", "2.22.0"), (release.PublishedBy, release.OperatorVersion, release.AgentVersion));
    }

    [Fact]
    public async Task A_Support_Engineer_reads_the_releases_but_cannot_publish()
    {
        var support = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);
        var before = await factory.WithDatabaseAsync(db => db.ServiceReleases.CountAsync());

        var page = await support.GetDocumentAsync("/Admin/Releases");
        var token = page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var form = await support.Client.GetAsync(new Uri("/Admin/Releases/Publish", UriKind.Relative));
        var post = await support.Client.PostAsync(new Uri("/Admin/Releases/Publish", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Name"] = "2026 Q9",
            ["Input.KubernetesVersion"] = "1.32.4",
            ["Input.OperatorVersion"] = "2.22.0",
            ["Input.AgentVersion"] = "2.22.0",
            ["Input.ScheduledOn"] = "2026-05-01",
        }));

        Assert.Null(page.QuerySelector("form[action='/Admin/Releases/Publish']"));
        Assert.Contains("Only Administrators publish releases", page.Body!.TextContent, StringComparison.Ordinal);
        foreach (var response in new[] { form, post })
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        Assert.Equal(before, await factory.WithDatabaseAsync(db => db.ServiceReleases.CountAsync()));
    }

    [Fact]
    public async Task Customers_cannot_reach_the_releases()
    {
        var customer = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);

        foreach (var path in new[] { "/Admin/Releases", "/Admin/Releases/Publish", $"/Admin/Releases/{Guid.NewGuid()}" })
        {
            var response = await customer.Client.GetAsync(new Uri(path, UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Identity/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("1.32", "2026-05-01", "Input.KubernetesVersion", "1.minor.patch")]
    [InlineData("1.34.0", "2026-05-01", "Input.KubernetesVersion", "AKS upgrades one minor version at a time")]
    [InlineData("1.30.1", "2026-05-01", "Input.KubernetesVersion", "cannot downgrade")]
    [InlineData("1.32.4", "2026-02-27", "Input.ScheduledOn", "in the past")]
    public async Task A_release_AKS_could_not_apply_is_refused_with_the_reason_next_to_the_field(string kubernetes, string on, string field, string reason)
    {
        var admin = await PortalSession.SignedInAsync(factory, DemoAccounts.Administrator.Email);
        var before = await factory.WithDatabaseAsync(db => db.ServiceReleases.CountAsync());

        var response = await Releases.PublishAsync(admin, "Refused " + Guid.NewGuid().ToString("N")[..6], kubernetes, "2.22.0", DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalSession.ParseAsync(response);
        Assert.Contains(reason, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await factory.WithDatabaseAsync(db => db.ServiceReleases.CountAsync()));
    }

    [Fact]
    public async Task An_operator_version_must_be_major_minor_patch()
    {
        var admin = await PortalSession.SignedInAsync(factory, DemoAccounts.Administrator.Email);

        var page = await PortalSession.ParseAsync(await Releases.PublishAsync(admin, "Bad operator", "1.32.4", "latest", new DateOnly(2026, 12, 1)));

        Assert.Contains("major.minor.patch", page.QuerySelector("[data-valmsg-for='Input.OperatorVersion']")!.TextContent, StringComparison.Ordinal);
    }
}
