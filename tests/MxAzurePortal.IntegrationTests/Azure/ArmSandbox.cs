using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MxAzurePortal.Infrastructure.Azure;
using MxAzurePortal.Sandbox;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.Hosting;

namespace MxAzurePortal.IntegrationTests.Azure;

/// <summary>The real ARM adapter and the ARM simulator on loopback, wired as the sandbox wires them, without the portal.</summary>
public sealed class ArmSandbox : IAsyncDisposable
{
    private readonly SandboxServer server;
    private readonly HttpClient http;

    public ArmSandbox(Action<ArmSimulatorOptions>? configure = null)
    {
        var simulatorOptions = new ArmSimulatorOptions { LatencyScale = 0.02, RetryAfterMilliseconds = 20 };
        configure?.Invoke(simulatorOptions);
        Simulator = new ArmSimulator(Options.Create(simulatorOptions), TimeProvider.System);
        server = new SandboxServer(Simulator, new MendixOnKubernetesSimulator(), new MxAzurePortal.Sandbox.Zendesk.ZendeskSimulator(Options.Create(new MxAzurePortal.Sandbox.Zendesk.ZendeskSimulatorOptions()), TimeProvider.System), Options.Create(new SandboxOptions()), NullLogger<SandboxServer>.Instance);
        http = new HttpClient(new SimulatorRoutingHandler(server) { InnerHandler = new SocketsHttpHandler() });
        var azure = new AzureOptions
        {
            ResourceManagerEndpoint = new Uri(ArmSimulatorOptions.PublicEndpoint),
            PollIntervalSeconds = 0.02,
            MaxRetries = 4,
        };
        var client = ArmClientSetup.CreateClient(new SandboxTokenCredential(TimeProvider.System), azure, http);
        Adapter = new ArmAzureResources(client, Options.Create(azure), NullLogger<ArmAzureResources>.Instance);
        Policies = new ArmPolicyCompliance(client);
    }

    public const string Subscription = "3f2c9d8e-1a4b-4c6d-9e8f-0a1b2c3d4e5f";

    public const string Group = "/subscriptions/" + Subscription + "/resourceGroups/rg-mendix";

    public ArmSimulator Simulator { get; }

    public ArmAzureResources Adapter { get; }

    public ArmPolicyCompliance Policies { get; }

    /// <summary>A client whose requests to the simulator's public address reach it, for calls the adapter does not make.</summary>
    public HttpClient Http => http;

    public IReadOnlyList<ArmRequestRecord> RequestsTo(string pathEnd) =>
        Simulator.Requests.Where(r => r.Path.EndsWith(pathEnd, StringComparison.OrdinalIgnoreCase)).ToList();

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await server.DisposeAsync();
    }
}
