using System.Net;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Operations;

/// <summary>The portal as production runs it: environment Production, appsettings.json's own defaults.</summary>
public sealed class ProductionModeTests : IDisposable
{
    private readonly PortalFactory production = PortalFactory.With(
        new Dictionary<string, string> { ["https_port"] = "443" }, environment: "Production");

    [Fact]
    public async Task Nothing_is_seeded_and_the_sandbox_is_off()
    {
        _ = production.CreatePortalClient();

        var users = await production.WithDatabaseAsync(db => db.Users.CountAsync());
        var organisations = await production.WithDatabaseAsync(db => db.Organisations.CountAsync());

        Assert.Equal(0, users);
        Assert.Equal(0, organisations);
    }

    [Fact]
    public async Task Plain_http_is_redirected_to_https_and_https_carries_HSTS()
    {
        var http = await production.CreatePortalClient().GetAsync(new Uri("http://localhost/Identity/Account/Login"));
        var https = await production.CreateDefaultClient(new Uri("https://portal.example")).GetAsync(new Uri("/Identity/Account/Login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, http.StatusCode);
        Assert.Equal("https", http.Headers.Location!.Scheme);
        Assert.StartsWith("max-age=31536000", https.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_wrong_setting_stops_the_start_with_a_message_naming_it()
    {
        using var misconfigured = PortalFactory.With(new Dictionary<string, string> { ["Database:Provider"] = "SqlServer" });

        var error = Assert.ThrowsAny<Exception>(() => misconfigured.CreatePortalClient());

        Assert.Contains("Database:ConnectionString is required", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => production.Dispose();
}
