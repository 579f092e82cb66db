using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Infrastructure.MendixOnKubernetes;

/// <summary>
/// The typed HTTP client of Mendix on Kubernetes' Deploy API. 5xx, 408 and 429 surface as <see cref="HttpRequestException"/>
/// (the job retries them with backoff); any other refusal as <see cref="DeploymentRefusedException"/>, which fails the job.
/// </summary>
public sealed class HttpAppDeployments(HttpClient http, IOptions<MendixDeployApiOptions> options) : IAppDeployments
{
    public async Task UploadPackageAsync(Guid packageId, string sha256, byte[] content, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Put, $"packages/{packageId:D}");
        request.Content = new ByteArrayContent(content);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        request.Headers.Add("X-Content-SHA256", sha256);
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public async Task StartDeploymentAsync(AppDeploymentRequest deployment, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Put, $"deployments/{deployment.DeploymentId:D}");
        request.Content = JsonContent.Create(new
        {
            clusterId = deployment.ClusterId,
            @namespace = deployment.Namespace,
            environment = deployment.Environment,
            purpose = deployment.Purpose,
            packageId = deployment.PackageId,
            runtimeVersion = deployment.RuntimeVersion,
        });
        using var response = await http.SendAsync(request, cancellationToken);
        await EnsureAsync(response, cancellationToken);
    }

    public async Task<AppDeploymentState?> GetDeploymentAsync(Guid deploymentId, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Get, $"deployments/{deploymentId:D}");
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureAsync(response, cancellationToken);
        DeploymentBody? body;
        try
        {
            body = await response.Content.ReadFromJsonAsync<DeploymentBody>(cancellationToken);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            // A proxy's page or an empty answer: an outage to retry, not a status.
            throw new HttpRequestException($"Mendix on Kubernetes answered a deployment status that is not JSON ({response.Content.Headers.ContentType?.MediaType ?? "no content type"}).", exception);
        }

        if (body is null)
        {
            throw new HttpRequestException("Mendix on Kubernetes answered an empty deployment status.");
        }

        var phase = body.Status?.ToLowerInvariant() switch
        {
            "succeeded" => AppDeploymentPhase.Succeeded,
            "failed" or "error" or "cancelled" or "canceled" => AppDeploymentPhase.Failed,
            _ => AppDeploymentPhase.Running,
        };
        return new AppDeploymentState(phase, body.Message ?? body.Status ?? "");
    }

    public async Task RemoveEnvironmentAsync(Guid clusterId, string @namespace, string environment, CancellationToken cancellationToken)
    {
        using var request = Request(HttpMethod.Delete,
            $"clusters/{clusterId:D}/namespaces/{Uri.EscapeDataString(@namespace)}/environments/{Uri.EscapeDataString(environment)}");
        using var response = await http.SendAsync(request, cancellationToken);
        // Gone already is what was asked for.
        if (response.StatusCode != HttpStatusCode.NotFound)
        {
            await EnsureAsync(response, cancellationToken);
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var baseUrl = options.Value.BaseUrl!.ToString();
        var request = new HttpRequestMessage(method, new Uri(new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/"), path));
        if (!string.IsNullOrEmpty(options.Value.ApiToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("MxToken", options.Value.ApiToken);
        }

        return request;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var status = (int)response.StatusCode;
        var detail = await DetailAsync(response, cancellationToken);
        if (status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests)
        {
            throw new HttpRequestException($"Mendix on Kubernetes answered {status}{(detail is null ? "" : ": " + detail)}", null, response.StatusCode);
        }

        throw new DeploymentRefusedException($"{status} {detail ?? response.ReasonPhrase}");
    }

    private static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            using var json = JsonDocument.Parse(text);
            return json.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String ? detail.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record DeploymentBody(string? Status, string? Message);
}
