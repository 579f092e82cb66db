using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>Only apps on Mendix 10.10 or later are deployed; the version comes from the package's model/metadata.json.</summary>
public sealed class VersionGateTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("10.9.5.1234")]
    [InlineData("10.9.0")]
    public async Task Apps_before_10_10_are_refused_naming_the_version_found_and_the_minimum(string version)
    {
        var (manager, cluster, environment) = await TargetAsync();

        var response = await manager.DeployAsync(cluster, environment, MdaFiles.WithRuntime(version));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await ApiSession.ProblemAsync(response)).GetProperty("detail").GetString();
        Assert.Contains($"Mendix {version}", detail, StringComparison.Ordinal);
        Assert.Contains("Mendix 10.10 or later", detail, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DeploymentJobs, j => j.EnvironmentId == environment)));
    }

    [Theory]
    [InlineData("10.10.0")]
    [InlineData("10.10.0.12345")]
    [InlineData("10.24.3")]
    [InlineData("11.0.0")]
    [InlineData("11.6.1.77")]
    public async Task Apps_on_10_10_and_later_are_deployed(string version)
    {
        var (manager, cluster, environment) = await TargetAsync();

        var response = await manager.DeployAsync(cluster, environment, MdaFiles.WithRuntime(version));
        var job = await manager.AwaitJobAsync(response.Headers.Location!);
        var deployed = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{cluster}/environments/{environment}");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(version, job.GetProperty("runtimeVersion").GetString());
        Assert.Equal("Running", deployed.GetProperty("status").GetString());
        Assert.Equal(version, deployed.GetProperty("deployedRuntimeVersion").GetString());
    }

    [Theory]
    [InlineData(null, null, "has no RuntimeVersion")]
    [InlineData("10.x", null, "'10.x' is not a Mendix version")]
    [InlineData(null, "{\"RuntimeVersion\": \"10.24.3\"", "is not valid JSON")]
    public async Task Packages_without_a_readable_version_are_refused(string? version, string? metadata, string expected)
    {
        var (manager, cluster, environment) = await TargetAsync();

        var response = await manager.DeployAsync(cluster, environment, MdaFiles.WithRuntime(version, metadata));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiSession.ProblemAsync(response);
        Assert.Equal("/api/docs#problem-package-refused", problem.GetProperty("type").GetString());
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_applies_to_uploads_too()
    {
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email);

        var old = await manager.Client.PostAsync(new Uri("/api/v1/packages", UriKind.Relative), MdaFiles.Form(MdaFiles.WithRuntime("10.6.1")));
        var current = await manager.Client.PostAsync(new Uri("/api/v1/packages", UriKind.Relative), MdaFiles.Form(MdaFiles.WithRuntime("10.24.3")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, old.StatusCode);
        Assert.Contains("Mendix 10.6.1", (await ApiSession.ProblemAsync(old)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, current.StatusCode);
        Assert.Equal("10.24.3", (await current.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runtimeVersion").GetString());
    }

    private async Task<(ApiSession Manager, Guid Cluster, Guid Environment)> TargetAsync()
    {
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email);
        var cluster = await DemoClusters.AddContosoAsync(factory, "gate-" + Guid.NewGuid().ToString("N")[..6]);
        return (manager, cluster, await manager.CreateEnvironmentAsync(cluster, "test"));
    }
}
