using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.Zendesk;

namespace MxAzurePortal.Sandbox.Hosting;

/// <summary>
/// The simulators' own web server on loopback, apart from the portal's: the adapters reach it over real HTTP, as they
/// would reach Azure and Zendesk.
/// </summary>
public sealed class SandboxServer(
    ArmSimulator arm,
    MendixOnKubernetesSimulator mendixOnKubernetes,
    ZendeskSimulator zendesk,
    IOptions<SandboxOptions> options,
    ILogger<SandboxServer> logger,
    MendixOnKubernetes.MendixDeploySimulator? mendixDeploy = null)
    : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim starting = new(1, 1);
    private WebApplication? server;

    public Uri? BaseAddress { get; private set; }

    public async Task<Uri> EnsureStartedAsync(CancellationToken cancellationToken)
    {
        if (BaseAddress is { } started)
        {
            return started;
        }

        await starting.WaitAsync(cancellationToken);
        try
        {
            if (BaseAddress is null)
            {
                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, options.Value.ServerPort));
                server = builder.Build();
                server.Map("/arm", branch => branch.Run(arm.HandleAsync));
                server.Map("/mxk8s", branch => branch.Run(mendixOnKubernetes.HandleAsync));
                if (mendixDeploy is not null)
                {
                    server.Map("/mxk8s-deploy", branch => branch.Run(mendixDeploy.HandleAsync));
                }
                server.Map("/zendesk/api", branch => branch.Run(context =>
                {
                    context.Request.Path = "/api" + context.Request.Path;
                    return zendesk.HandleApiAsync(context);
                }));
                server.Map("/zendesk", branch => branch.Run(zendesk.HandlePageAsync));
                await server.StartAsync(cancellationToken);
                BaseAddress = new Uri(server.Urls.First());
                logger.LogInformation("Sandbox simulators listening on {SandboxAddress} (Azure Resource Manager at /arm, Mendix on Kubernetes at /mxk8s, Zendesk at /zendesk)", BaseAddress);
            }

            return BaseAddress;
        }
        finally
        {
            starting.Release();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureStartedAsync(cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (server is not null)
        {
            await server.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        starting.Dispose();
    }
}
