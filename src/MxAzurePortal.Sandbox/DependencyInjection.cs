using Azure.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Azure;
using MxAzurePortal.Infrastructure.MendixOnKubernetes;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.DemoData;
using MxAzurePortal.Sandbox.Hosting;
using MxAzurePortal.Sandbox.Logs;
using MxAzurePortal.Sandbox.Zendesk;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Infrastructure.Zendesk;
using Microsoft.Extensions.Options;

namespace MxAzurePortal.Sandbox;

public static class DependencyInjection
{
    /// <summary>
    /// Validates the sandbox settings always; when the sandbox is enabled, also starts the simulators and points the
    /// real adapters at them.
    /// </summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        if (!configuration.GetSection(SandboxOptions.SectionName).GetValue<bool>(nameof(SandboxOptions.Enabled)))
        {
            return services;
        }

        services.AddScoped<DemoDataSeeder>();
        services.AddSingleton(sp => new SignInHints(
            [.. DemoAccounts.All.Select(a => new SignInHint(a.Email, a.Who))], sp.GetRequiredService<IOptions<SandboxOptions>>().Value.DemoPassword));
        services.AddOptions<ArmSimulatorOptions>().BindConfiguration(ArmSimulatorOptions.SectionName);
        // The simulators stand for services outside the portal: they keep real time, whatever clock the portal is given.
        services.AddSingleton(sp => new ArmSimulator(sp.GetRequiredService<IOptions<ArmSimulatorOptions>>(), TimeProvider.System));
        services.AddSingleton<SandboxServer>();
        services.AddHostedService(sp => sp.GetRequiredService<SandboxServer>());
        services.AddTransient<SimulatorRoutingHandler>();

        services.Replace(ServiceDescriptor.Singleton<TokenCredential>(new SandboxTokenCredential(TimeProvider.System)));
        services.PostConfigure<AzureOptions>(azure =>
        {
            azure.ResourceManagerEndpoint = new Uri(ArmSimulatorOptions.PublicEndpoint);
            azure.PollIntervalSeconds = Math.Min(azure.PollIntervalSeconds, 0.2);
        });
        services.AddHttpClient(ArmClientSetup.HttpClientName).AddHttpMessageHandler<SimulatorRoutingHandler>();

        services.AddSingleton<MendixOnKubernetesSimulator>();
        services.PostConfigure<MendixOnKubernetesOptions>(mxk8s =>
        {
            mxk8s.HealthUrl = new Uri(MendixOnKubernetesSimulator.PublicHealthUrl);
            mxk8s.CacheSeconds = 0;
        });
        services.AddHttpClient<IMendixOnKubernetes, HttpMendixOnKubernetes>().AddHttpMessageHandler<SimulatorRoutingHandler>();
        services.AddSingleton<MendixOnKubernetes.MendixDeploySimulator>();
        services.PostConfigure<MendixDeployApiOptions>(deploy =>
        {
            deploy.BaseUrl = new Uri(MendixOnKubernetes.MendixDeploySimulator.PublicEndpoint);
            deploy.ApiToken = MendixOnKubernetes.MendixDeploySimulator.PortalToken;
        });
        services.AddHttpClient<Application.Deployments.IAppDeployments, HttpAppDeployments>().AddHttpMessageHandler<SimulatorRoutingHandler>();

        services.AddOptions<ZendeskSimulatorOptions>().BindConfiguration(ZendeskSimulatorOptions.SectionName);
        services.AddSingleton(sp => new ZendeskSimulator(sp.GetRequiredService<IOptions<ZendeskSimulatorOptions>>(), TimeProvider.System));
        services.AddSingleton<IPostConfigureOptions<ZendeskOptions>, SandboxZendeskSettings>();
        services.AddHttpClient<ITicketDesk, ZendeskTicketDesk>().AddHttpMessageHandler<SimulatorRoutingHandler>();
        services.AddSingleton<IClusterLogs, SandboxClusterLogs>();
        return services;
    }

    /// <summary>Seeds the demo world; the caller runs it only when the sandbox is enabled.</summary>
    public static async Task SeedSandboxAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }
}
