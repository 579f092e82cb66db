using System.Net;
using System.Text.Json;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>The OpenAPI document and the reference page generated from it, both without signing in.</summary>
public sealed class ApiDocumentTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_openapi_document_describes_the_token_scheme_and_who_may_call_each_operation()
    {
        var client = factory.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/openapi.json", UriKind.Relative))).RootElement;

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("MxToken");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("Authorization", scheme.GetProperty("name").GetString());
        var paths = document.GetProperty("paths");
        var create = paths.GetProperty("/api/v1/clusters/{clusterId}/environments").GetProperty("post");
        Assert.Contains("Cluster Manager", create.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal("deployment:write", create.GetProperty("security")[0].GetProperty("MxToken")[0].GetString());
        Assert.Contains("multipart/form-data", paths.GetProperty("/api/v1/clusters/{clusterId}/environments/{environmentId}/deployments").GetProperty("post").GetProperty("requestBody").GetProperty("content").EnumerateObject().Select(p => p.Name));
        Assert.Contains("Unavailable by design", paths.GetProperty("/api/v1/clusters").GetProperty("post").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(paths.TryGetProperty("/api/v1/jobs/{jobId}", out _));
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_reference_page_lists_operations_parameters_responses_and_the_auth_scheme()
    {
        var session = new PortalSession(factory);

        var page = await session.GetDocumentAsync("/api/docs");

        Assert.Contains("MxToken", page.QuerySelector("#authentication")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(page.QuerySelectorAll("#authentication code"), code => code.TextContent == "MxToken <token>");
        Assert.DoesNotContain("`", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        var deploy = page.QuerySelector("[data-operation=Deploy]")!.TextContent;
        Assert.Contains("POST", deploy, StringComparison.Ordinal);
        Assert.Contains("environmentId", deploy, StringComparison.Ordinal);
        Assert.Contains("202", deploy, StringComparison.Ordinal);
        Assert.Contains("deployment:write", deploy, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("[data-operation=CreateCluster]"));
        Assert.NotNull(page.QuerySelector("#problem-unavailable-by-design"));
        Assert.Empty(page.QuerySelectorAll("script:not([src]), [style]"));
    }

    [Fact]
    public async Task An_unknown_api_path_answers_404_problem_details_not_the_html_error_page()
    {
        var response = await factory.CreateClient().GetAsync(new Uri("/api/v1/nothing-here", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("/api/docs#problem-not-found", (await ApiSession.ProblemAsync(response)).GetProperty("type").GetString());
    }
}
