using System.Net;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>Each token has its own budget of calls; past it, 429 with Retry-After and problem details.</summary>
public sealed class RateLimitTests : IDisposable
{
    private readonly PortalFactory factory = PortalFactory.With(new Dictionary<string, string>
    {
        ["Api:RateLimit:PermitLimit"] = "3",
        ["Api:RateLimit:WindowSeconds"] = "60",
    });

    [Fact]
    public async Task A_token_past_its_limit_gets_429_with_retry_after_while_another_token_goes_on()
    {
        var first = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoMember.Email);
        var second = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoMember.Email);

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            answers.Add((await first.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative))).StatusCode);
        }

        var limited = await first.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));
        var other = await second.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);
        Assert.Equal("/api/docs#problem-rate-limited", (await ApiSession.ProblemAsync(limited)).GetProperty("type").GetString());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    public void Dispose() => factory.Dispose();
}
