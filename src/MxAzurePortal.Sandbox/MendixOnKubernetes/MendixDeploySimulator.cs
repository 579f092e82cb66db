using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using MxAzurePortal.Sandbox.Hosting;

namespace MxAzurePortal.Sandbox.MendixOnKubernetes;

/// <summary>
/// Mendix on Kubernetes' Deploy API as the portal's deployment jobs use it: PUT a package, PUT a deployment, GET it until it
/// ends, DELETE an environment. Answers 503 while Mendix on Kubernetes is switched off; a deployment takes
/// <see cref="StepsToFinish"/> status reads to run. Tests flip <see cref="FailDeployments"/> and <see cref="FailNextRequests"/>.
/// </summary>
public sealed class MendixDeploySimulator(MendixOnKubernetesSimulator service)
{
    public const string PublicEndpoint = "https://deploy.mxk8s.sandbox.invalid/api/v1/";
    public const string PortalToken = "sandbox-portal-token";

    private static readonly string[] Stages = ["Pulling the app image", "Starting the app", "Running"];
    private readonly ConcurrentDictionary<Guid, string> packages = new();
    private readonly ConcurrentDictionary<Guid, Deployment> deployments = new();
    private int failNext;

    public int StepsToFinish { get; set; } = 3;

    /// <summary>Deployments end Failed, as when an app does not start.</summary>
    public bool FailDeployments { get; set; }

    /// <summary>The next this many requests answer 503, as in a brief outage.</summary>
    public int FailNextRequests { get => failNext; set => failNext = value; }

    public int Requests => requests;

    /// <summary>Status reads answer 200 with an HTML page while true, as a misconfigured proxy in between would.</summary>
    public bool GarbleStatusReads { get; set; }

    public IReadOnlyCollection<string> Environments => [.. deployments.Values.Where(d => !d.Removed).Select(d => d.Key).Distinct()];

    private int requests;

    public async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref requests);
        var request = context.Request;
        if (!service.Available || ConsumeFailure())
        {
            await Problem(context, StatusCodes.Status503ServiceUnavailable, "Mendix on Kubernetes is unavailable.");
            return;
        }

        if (request.Headers.Authorization.ToString() != $"MxToken {PortalToken}")
        {
            await Problem(context, StatusCodes.Status401Unauthorized, "A valid MxToken is required.");
            return;
        }

        var segments = request.Path.Value!.Trim('/').Split('/');
        switch (request.Method, segments)
        {
            case ("PUT", ["api", "v1", "packages", var id]) when Guid.TryParse(id, out var packageId):
                await PutPackageAsync(context, packageId);
                break;
            case ("PUT", ["api", "v1", "deployments", var id]) when Guid.TryParse(id, out var deploymentId):
                await PutDeploymentAsync(context, deploymentId);
                break;
            case ("GET", ["api", "v1", "deployments", var id]) when Guid.TryParse(id, out var deploymentId):
                await GetDeploymentAsync(context, deploymentId);
                break;
            case ("DELETE", ["api", "v1", "clusters", var cluster, "namespaces", var ns, "environments", var environment]):
                var key = $"{cluster}/{ns}/{environment}";
                var removed = false;
                foreach (var deployment in deployments.Values.Where(d => d.Key == key && !d.Removed))
                {
                    deployment.Removed = removed = true;
                }

                context.Response.StatusCode = removed ? StatusCodes.Status204NoContent : StatusCodes.Status404NotFound;
                break;
            default:
                await Problem(context, StatusCodes.Status404NotFound, "No such resource.");
                break;
        }
    }

    private async Task PutPackageAsync(HttpContext context, Guid id)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
        if (!string.Equals(sha, context.Request.Headers["X-Content-SHA256"].ToString(), StringComparison.OrdinalIgnoreCase))
        {
            await Problem(context, StatusCodes.Status400BadRequest, "The package's SHA-256 does not match X-Content-SHA256.");
            return;
        }

        context.Response.StatusCode = packages.TryAdd(id, sha) ? StatusCodes.Status201Created : StatusCodes.Status200OK;
    }

    private async Task PutDeploymentAsync(HttpContext context, Guid id)
    {
        var body = await JsonSerializer.DeserializeAsync<JsonElement>(context.Request.Body, cancellationToken: context.RequestAborted);
        var packageId = body.TryGetProperty("packageId", out var p) && p.TryGetGuid(out var g) ? g : Guid.Empty;
        if (!packages.ContainsKey(packageId))
        {
            await Problem(context, StatusCodes.Status409Conflict, $"Package {packageId} has not been uploaded.");
            return;
        }

        var key = $"{body.GetProperty("clusterId").GetGuid()}/{body.GetProperty("namespace").GetString()}/{body.GetProperty("environment").GetString()}";
        var created = deployments.TryAdd(id, new Deployment(key, FailDeployments));
        context.Response.StatusCode = created ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;
    }

    private async Task GetDeploymentAsync(HttpContext context, Guid id)
    {
        if (!deployments.TryGetValue(id, out var deployment))
        {
            await Problem(context, StatusCodes.Status404NotFound, $"No deployment {id}.");
            return;
        }

        if (GarbleStatusReads)
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html><body>Gateway says hello</body></html>");
            return;
        }

        var reads = Interlocked.Increment(ref deployment.Reads);
        var (status, message) = reads < StepsToFinish
            ? ("running", $"{Stages[Math.Min(reads - 1, Stages.Length - 2)]} ({reads} of {StepsToFinish})")
            : deployment.Fails
                ? ("failed", "The app did not start: the Mendix runtime exited with code 1; see the environment's logs.")
                : ("succeeded", "Running");
        await context.Response.WriteAsJsonAsync(new { status, message });
    }

    private bool ConsumeFailure()
    {
        int current;
        do
        {
            current = failNext;
            if (current <= 0)
            {
                return false;
            }
        }
        while (Interlocked.CompareExchange(ref failNext, current - 1, current) != current);
        return true;
    }

    private static Task Problem(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(new { status, detail }, (JsonSerializerOptions?)null, "application/problem+json");
    }

    private sealed class Deployment(string key, bool fails)
    {
        public int Reads;

        public string Key { get; } = key;

        public bool Fails { get; } = fails;

        public bool Removed { get; set; }
    }
}
