using MxAzurePortal.Sandbox.Arm;

namespace MxAzurePortal.Sandbox.Hosting;

/// <summary>
/// The last hop of the adapters' HTTP pipeline in the sandbox: a request for the simulated ARM endpoint (an https
/// address, so the Azure SDK sends its bearer token as it would to Azure) goes to the simulator on loopback instead.
/// </summary>
public sealed class SimulatorRoutingHandler(SandboxServer server) : DelegatingHandler
{
    private static readonly Uri ArmEndpoint = new(ArmSimulatorOptions.PublicEndpoint);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { } uri && uri.Host.Equals(ArmEndpoint.Host, StringComparison.OrdinalIgnoreCase))
        {
            var baseAddress = await server.EnsureStartedAsync(cancellationToken);
            request.RequestUri = new Uri(baseAddress, "/arm" + uri.PathAndQuery);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
