using Microsoft.Extensions.Options;
using MxAzurePortal.Infrastructure.Zendesk;
using MxAzurePortal.Sandbox.Hosting;

namespace MxAzurePortal.Sandbox.Zendesk;

/// <summary>Points the real Zendesk client at the simulator, and "Go to ticket" at the simulator's ticket pages.</summary>
public sealed class SandboxZendeskSettings(SandboxServer server) : IPostConfigureOptions<ZendeskOptions>
{
    public void PostConfigure(string? name, ZendeskOptions options)
    {
        options.BaseUrl = new Uri(ZendeskSimulatorOptions.PublicEndpoint + "/");
        options.AgentEmail ??= "portal@mendix.example";
        options.ApiToken ??= "sandbox-api-token";
        options.WebhookSecret ??= "sandbox-webhook-secret";
        options.AttemptTimeoutSeconds = Math.Min(options.AttemptTimeoutSeconds, 2);
        // Links open in the user's browser, so they need the simulator's real loopback address.
        options.LinkBaseUrl = new Uri(server.EnsureStartedAsync(CancellationToken.None).GetAwaiter().GetResult(), "/zendesk/");
    }
}
