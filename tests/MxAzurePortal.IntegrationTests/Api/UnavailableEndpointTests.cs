using System.Net;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>Cluster and namespace changes are unavailable by design on Mendix on Azure: 403 with why and what instead.</summary>
public sealed class UnavailableEndpointTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    public static TheoryData<string, string, string> Unavailable => new()
    {
        { "POST", "/api/v1/clusters", "/Clusters/New" },
        { "PUT", "/api/v1/clusters/{id}", "/Clusters/{id}/Customizations" },
        { "PATCH", "/api/v1/clusters/{id}", "/Clusters/{id}/Customizations" },
        { "DELETE", "/api/v1/clusters/{id}", "/Clusters/{id}" },
        { "POST", "/api/v1/clusters/{id}/namespaces", "POST /api/v1/clusters/{id}/environments" },
        { "PUT", "/api/v1/clusters/{id}/namespaces/{ns}", "PATCH /api/v1/clusters/{id}/environments/{environmentId}" },
        { "PATCH", "/api/v1/clusters/{id}/namespaces/{ns}", "PATCH /api/v1/clusters/{id}/environments/{environmentId}" },
        { "DELETE", "/api/v1/clusters/{id}/namespaces/{ns}", "DELETE /api/v1/clusters/{id}/environments/{environmentId}" },
    };

    [Theory]
    [MemberData(nameof(Unavailable))]
    public async Task Answers_403_with_problem_details_saying_why_and_what_to_use_instead(string method, string route, string instead)
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "unavailable-" + Guid.NewGuid().ToString("N")[..6]);
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email);
        var path = route.Replace("{id}", cluster.ToString(), StringComparison.Ordinal).Replace("{ns}", "anything", StringComparison.Ordinal);

        var response = await manager.Client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json") });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ApiSession.ProblemAsync(response);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("/api/docs#problem-unavailable-by-design", problem.GetProperty("type").GetString());
        Assert.Contains("Mendix on Azure is a managed service", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(instead.Replace("{id}", cluster.ToString(), StringComparison.Ordinal), problem.GetProperty("instead").GetString());
        Assert.True(await factory.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Clusters, c => c.Id == cluster)));
    }

    [Fact]
    public async Task Without_a_token_they_answer_401_not_a_sign_in_redirect()
    {
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await anonymous.PostAsync(new Uri("/api/v1/clusters", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("MxToken", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("personal access token", (await ApiSession.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
