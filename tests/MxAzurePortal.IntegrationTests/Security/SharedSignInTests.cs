using System.Net;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Security;

/// <summary>Two portal instances on one database, as behind a load balancer, share sign-ins.</summary>
public sealed class SharedSignInTests
{
    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_another_on_the_same_database()
    {
        var database = PortalFactory.NewDatabaseFile();
        using var first = PortalFactory.On(database);
        var session = await PortalSession.SignedInAsync(first, DemoAccounts.ContosoMember.Email);
        var cookie = session.CookieHeader;

        using var second = PortalFactory.On(database);
        var client = second.CreateDefaultClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Clusters");
        request.Headers.Add("Cookie", cookie);
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var keys = await second.WithDatabaseAsync(db => db.DataProtectionKeys.CountAsync());
        Assert.Equal(1, keys);
    }
}
