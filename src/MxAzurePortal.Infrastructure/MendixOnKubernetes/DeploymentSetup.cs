using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Infrastructure.MendixOnKubernetes;

public static class DeploymentSetup
{
    /// <summary>The Deploy API client of Mendix on Kubernetes and the worker that drives deployment jobs through it.</summary>
    public static IServiceCollection AddMendixDeployments(this IServiceCollection services)
    {
        services.AddOptions<MendixDeployApiOptions>()
            .BindConfiguration(MendixDeployApiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<IAppDeployments, HttpAppDeployments>((sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<MendixDeployApiOptions>>().Value.TimeoutSeconds));
        services.AddHostedService<DeploymentWorker>();
        return services;
    }
}
