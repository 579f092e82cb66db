using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Admin;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Preflight;
using MxAzurePortal.Application.Compliance;
using MxAzurePortal.Application.Customizations;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped<TenantScope>();
        services.AddScoped<ClusterService>();
        services.AddScoped<AdminService>();
        services.AddScoped<ActivityLog>();
        services.AddScoped<ActivityService>();
        services.AddScoped<ComplianceService>();
        services.AddScoped<MxAzurePortal.Application.Access.AccessService>();
        services.AddScoped<MxAzurePortal.Application.Access.OpenGrants>();
        services.AddScoped<MxAzurePortal.Application.Access.StaffAccessService>();
        services.AddScoped<PreflightService>();
        services.AddScoped<TicketService>();
        services.AddScoped<CustomizationService>();
        services.AddOptions<SupportOptions>().BindConfiguration(SupportOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<TicketDeliveryLeases>();
        services.AddScoped<TicketDeliverer>();
        services.AddScoped<TicketSync>();
        services.AddOptions<RunOptions>().BindConfiguration(RunOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<RunLeases>();
        services.AddSingleton<RunExecutor>();
        services.AddScoped<Updates.ReleaseService>();
        services.AddScoped<Updates.ClusterUpdatesService>();
        services.AddSingleton<Updates.ReleaseRollout>();
        services.AddOptions<Updates.ServiceUpdateOptions>().BindConfiguration(Updates.ServiceUpdateOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ApiTokens.ApiTokenService>();
        services.AddScoped<ApiTokens.ApiTokenAuthenticator>();
        services.AddOptions<Deployments.DeploymentOptions>().BindConfiguration(Deployments.DeploymentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Deployments.EnvironmentService>();
        services.AddScoped<Deployments.PackageService>();
        services.AddScoped<Deployments.DeploymentService>();
        services.AddScoped<Deployments.DeploymentJobLeases>();
        services.AddScoped<Deployments.JobOutcomes>();
        services.AddScoped<Deployments.DeploymentJobRunner>();
        return services;
    }
}
