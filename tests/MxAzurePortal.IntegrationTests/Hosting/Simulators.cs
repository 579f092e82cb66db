using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MxAzurePortal.Sandbox;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.Hosting;
using MxAzurePortal.Sandbox.Zendesk;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>
/// Simulated Azure, Mendix on Kubernetes and Zendesk served from the test process, so what they hold survives the
/// portal process being killed; the portal reaches them through <c>Sandbox:ServerUrl</c>.
/// </summary>
public sealed class Simulators : IAsyncDisposable
{
    private readonly SandboxServer server;

    private Simulators(ArmSimulatorOptions arm, ZendeskSimulatorOptions zendesk)
    {
        Arm = new ArmSimulator(Options.Create(arm), TimeProvider.System);
        Zendesk = new ZendeskSimulator(Options.Create(zendesk), TimeProvider.System);
        server = new SandboxServer(Arm, new MendixOnKubernetesSimulator(), Zendesk, Options.Create(new SandboxOptions()),
            NullLogger<SandboxServer>.Instance);
    }

    public ArmSimulator Arm { get; }

    public ZendeskSimulator Zendesk { get; }

    public Uri Address { get; private set; } = null!;

    public static async Task<Simulators> StartAsync(ArmSimulatorOptions? arm = null, ZendeskSimulatorOptions? zendesk = null)
    {
        var simulators = new Simulators(arm ?? new ArmSimulatorOptions(), zendesk ?? new ZendeskSimulatorOptions());
        simulators.Address = await simulators.server.EnsureStartedAsync(CancellationToken.None);
        return simulators;
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();
}
