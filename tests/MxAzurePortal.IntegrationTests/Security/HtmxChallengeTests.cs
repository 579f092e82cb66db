using System.Net;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Security;

/// <summary>A fragment htmx polls never receives the sign-in or access-denied page in place of itself.</summary>
public sealed class HtmxChallengeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_poll_after_the_session_ended_sends_the_whole_page_to_sign_in_and_an_ordinary_request_is_redirected()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "htmx-ended");
        var anonymous = new PortalSession(factory);

        var poll = await anonymous.Client.SendAsync(Poll($"/Clusters/{id}?handler=Progress", $"http://localhost/Clusters/{id}"));
        var ordinary = await anonymous.Client.GetAsync(new Uri($"/Clusters/{id}?handler=Progress", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, poll.StatusCode);
        Assert.Equal($"/Clusters/{id}", Assert.Single(poll.Headers.GetValues("HX-Redirect")));
        Assert.Null(poll.Headers.Location);
        Assert.Empty(await poll.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, ordinary.StatusCode);
        Assert.StartsWith("/Identity/Account/Login", ordinary.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_poll_refused_to_a_member_sends_the_whole_page_to_access_denied()
    {
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var poll = await member.Client.SendAsync(Poll("/Clusters/New", "http://localhost/Clusters?status=Failed"));

        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal("/Clusters?status=Failed", Assert.Single(poll.Headers.GetValues("HX-Redirect")));
        Assert.Null(poll.Headers.Location);
    }

    [Theory]
    [InlineData("http://localhost//evil.example/x")]
    [InlineData("http://localhost/\\evil.example/x")]
    [InlineData("not an address")]
    [InlineData("")]
    public async Task The_page_to_reload_is_only_ever_a_local_path(string currentUrl)
    {
        var poll = await new PortalSession(factory).Client.SendAsync(Poll("/Clusters", currentUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, poll.StatusCode);
        Assert.Equal("/", Assert.Single(poll.Headers.GetValues("HX-Redirect")));
    }

    private static HttpRequestMessage Poll(string path, string currentUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.Add("HX-Request", "true");
        request.Headers.TryAddWithoutValidation("HX-Current-URL", currentUrl);
        return request;
    }
}
