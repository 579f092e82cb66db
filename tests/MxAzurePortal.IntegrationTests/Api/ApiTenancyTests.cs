using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>A token reaches only its organisation: another organisation's ids answer 404, as if they did not exist.</summary>
public sealed class ApiTenancyTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Another_organisations_ids_answer_404_on_every_operation()
    {
        var contoso = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email);
        var cluster = await DemoClusters.AddContosoAsync(factory, "tenancy-api-" + Guid.NewGuid().ToString("N")[..6]);
        var environment = await contoso.CreateEnvironmentAsync(cluster, "test");
        var deployed = await contoso.DeployAsync(cluster, environment, MdaFiles.WithRuntime("10.24.3"));
        var accepted = await deployed.Content.ReadFromJsonAsync<JsonElement>();
        var job = accepted.GetProperty("id").GetGuid();
        var package = accepted.GetProperty("packageId").GetGuid();
        var fabrikamEmail = $"manager-{Guid.NewGuid():N}@fabrikam.example";
        await factory.AddMemberAsync(fabrikamEmail, DemoAccounts.Fabrikam, OrganisationRole.ClusterManager);
        var fabrikam = await ApiSession.CreateAsync(factory, fabrikamEmail);
        var ns = "tenancy-api-";

        var requests = new (HttpMethod Method, string Path, HttpContent? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/clusters/{cluster}", null),
            (HttpMethod.Get, $"/api/v1/clusters/{cluster}/namespaces", null),
            (HttpMethod.Get, $"/api/v1/clusters/{cluster}/environments", null),
            (HttpMethod.Get, $"/api/v1/clusters/{cluster}/environments/{environment}", null),
            (HttpMethod.Post, $"/api/v1/clusters/{cluster}/environments", JsonContent.Create(new { name = "stolen" })),
            (HttpMethod.Patch, $"/api/v1/clusters/{cluster}/environments/{environment}", JsonContent.Create(new { purpose = "Production" })),
            (HttpMethod.Delete, $"/api/v1/clusters/{cluster}/environments/{environment}", null),
            (HttpMethod.Post, $"/api/v1/clusters/{cluster}/environments/{environment}/deployments", JsonContent.Create(new { packageId = package })),
            (HttpMethod.Post, $"/api/v1/clusters/{cluster}/environments/{environment}/deployments", MdaFiles.Form(MdaFiles.WithRuntime("10.24.3"))),
            (HttpMethod.Get, $"/api/v1/packages/{package}", null),
            (HttpMethod.Get, $"/api/v1/jobs/{job}", null),
        };
        foreach (var (method, path, body) in requests)
        {
            var response = await fabrikam.Client.SendAsync(new HttpRequestMessage(method, path) { Content = body });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path} answered {(int)response.StatusCode}");
            Assert.Equal("/api/docs#problem-not-found", (await ApiSession.ProblemAsync(response)).GetProperty("type").GetString());
        }

        var listed = await fabrikam.Client.GetStringAsync(new Uri("/api/v1/clusters", UriKind.Relative));
        Assert.DoesNotContain(cluster.ToString(), listed, StringComparison.Ordinal);
        Assert.DoesNotContain(ns, listed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await contoso.Client.GetAsync(new Uri($"/api/v1/jobs/{job}", UriKind.Relative))).StatusCode);
    }
}
