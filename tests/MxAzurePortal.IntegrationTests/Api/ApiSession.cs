using AngleSharp.Dom;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>A person with a personal access token made on their profile page, and an API client that sends it.</summary>
public sealed class ApiSession
{
    private ApiSession(PortalSession portal, string token, HttpClient client)
    {
        Portal = portal;
        Token = token;
        Client = client;
    }

    public PortalSession Portal { get; }

    public string Token { get; }

    public HttpClient Client { get; }

    public static async Task<ApiSession> CreateAsync(PortalFactory factory, string email, bool read = true, bool write = true, string? name = null)
    {
        var portal = await PortalSession.SignedInAsync(factory, email);
        var token = await CreateTokenAsync(portal, name ?? "token-" + Guid.NewGuid().ToString("N")[..6], read, write);
        return new ApiSession(portal, token, ClientFor(factory, token));
    }

    public static HttpClient ClientFor(PortalFactory factory, string token)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("MxToken", token);
        return client;
    }

    /// <summary>Creates a token through the profile page's form; answers the token shown once.</summary>
    public static async Task<string> CreateTokenAsync(PortalSession portal, string name, bool read = true, bool write = true, string? expiresOn = null)
    {
        var page = await portal.GetDocumentAsync("/Account/Tokens");
        var form = page.QuerySelector<IHtmlFormElement>("form[action*='handler=Create']")!;
        var values = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.ExpiresOn"] = expiresOn ?? "" };
        // Checkboxes: the form sends the hidden "false" field anyway; "true" wins when checked.
        values["Input.Read"] = read ? "true" : "false";
        values["Input.Write"] = write ? "true" : "false";
        var response = await portal.SubmitAsync(form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var created = await PortalSession.ParseAsync(response);
        return created.QuerySelector<IHtmlInputElement>("#new-token-value")?.Value
               ?? throw new InvalidOperationException("No token shown: " + created.QuerySelector(".alert-danger, .text-danger")?.TextContent);
    }

    public async Task<Guid> CreateEnvironmentAsync(Guid clusterId, string name)
    {
        var response = await Client.PostAsJsonAsync($"/api/v1/clusters/{clusterId}/environments", new { name, purpose = "Acceptance" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public Task<HttpResponseMessage> DeployAsync(Guid clusterId, Guid environmentId, byte[] package) =>
        Client.PostAsync(new Uri($"/api/v1/clusters/{clusterId}/environments/{environmentId}/deployments", UriKind.Relative), MdaFiles.Form(package));

    /// <summary>Polls the job, as a pipeline would, until it is finished; answers its last state.</summary>
    public async Task<JsonElement> AwaitJobAsync(Uri location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var job = await Client.GetFromJsonAsync<JsonElement>(location);
            if (job.GetProperty("finished").GetBoolean())
            {
                return job;
            }

            Assert.True(DateTime.UtcNow < deadline, "The job did not finish in 30 s: " + job);
            await Task.Delay(50);
        }
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
