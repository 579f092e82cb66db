using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.Zendesk;

namespace MxAzurePortal.Sandbox.Hosting;

/// <summary>
/// The simulators' own web server on loopback, apart from the portal's: the adapters reach it over real HTTP, as they
/// would reach Azure and Zendesk. It is a bare Kestrel server rather than a second host, because building a host
/// inside the portal's start-up is observable process-wide (tools and test factories hook host building).
/// With <c>Sandbox:ServerUrl</c> set, another process serves the simulators and this one only hands out that address.
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
    private KestrelServer? server;
    private ServiceProvider? services;

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
            if (BaseAddress is null && options.Value.ServerUrl is { } elsewhere)
            {
                BaseAddress = new Uri(elsewhere);
                logger.LogInformation("Sandbox simulators at {SandboxAddress} (Sandbox:ServerUrl), served by another process", BaseAddress);
            }

            if (BaseAddress is null)
            {
                services = new ServiceCollection().AddLogging().BuildServiceProvider();
                var app = new ApplicationBuilder(services);
                app.Map("/arm", branch => branch.Run(arm.HandleAsync));
                app.Map("/mxk8s", branch => branch.Run(mendixOnKubernetes.HandleAsync));
                if (mendixDeploy is not null)
                {
                    app.Map("/mxk8s-deploy", branch => branch.Run(mendixDeploy.HandleAsync));
                }

                app.Map("/zendesk/api", branch => branch.Run(context =>
                {
                    context.Request.Path = "/api" + context.Request.Path;
                    return zendesk.HandleApiAsync(context);
                }));
                app.Map("/zendesk", branch => branch.Run(zendesk.HandlePageAsync));

                var kestrel = new KestrelServerOptions { ApplicationServices = services };
                kestrel.Listen(IPAddress.Loopback, options.Value.ServerPort);
                var loggers = services.GetRequiredService<ILoggerFactory>();
                server = new KestrelServer(Options.Create(kestrel), new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggers), loggers);
                await server.StartAsync(new Pipeline(app.Build()), cancellationToken);
                BaseAddress = new Uri(server.Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
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
            await server.StopAsync(CancellationToken.None);
            server.Dispose();
        }

        if (services is not null)
        {
            await services.DisposeAsync();
        }

        starting.Dispose();
    }

    /// <summary>Runs each request through the simulators' routes.</summary>
    private sealed class Pipeline(RequestDelegate next) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => new DefaultHttpContext(contextFeatures);

        public Task ProcessRequestAsync(HttpContext context) => next(context);

        public void DisposeContext(HttpContext context, Exception? exception)
        {
        }
    }
}
