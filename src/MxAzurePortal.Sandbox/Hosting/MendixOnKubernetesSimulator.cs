using Microsoft.AspNetCore.Http;

namespace MxAzurePortal.Sandbox.Hosting;

/// <summary>Mendix on Kubernetes' health endpoint in the sandbox, with a switch Mendix staff can flip to try an outage.</summary>
public sealed class MendixOnKubernetesSimulator
{
    public const string PublicHealthUrl = "https://mxk8s.sandbox.invalid/health";

    public bool Available { get; set; } = true;

    public Task HandleAsync(HttpContext context)
    {
        context.Response.StatusCode = Available ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        return context.Response.WriteAsJsonAsync(new { status = Available ? "healthy" : "unavailable" });
    }
}
