using MxAzurePortal.Sandbox.Arm;

namespace MxAzurePortal.Sandbox.Hosting;

/// <summary>
/// The last hop of the adapters' HTTP pipelines in the sandbox: a request for a simulated service's https address (so
/// the Azure SDK sends its bearer token as it would to Azure) goes to that simulator on loopback instead.
/// </summary>
public sealed class SimulatorRoutingHandler(SandboxServer server) : DelegatingHandler
{
    private static readonly Dictionary<string, string> Routes = new(StringComparer.OrdinalIgnoreCase)
    {
        [new Uri(ArmSimulatorOptions.PublicEndpoint).Host] = "/arm",
        [new Uri(MendixOnKubernetesSimulator.PublicHealthUrl).Host] = "/mxk8s",
        [new Uri(MendixOnKubernetes.MendixDeploySimulator.PublicEndpoint).Host] = "/mxk8s-deploy",
        [new Uri(Zendesk.ZendeskSimulatorOptions.PublicEndpoint).Host] = "/zendesk",
    };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && Routes.TryGetValue(uri.Host, out var prefix))
        {
            var baseAddress = await server.EnsureStartedAsync(cancellationToken);
            request.RequestUri = new Uri(baseAddress, prefix + uri.PathAndQuery);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
