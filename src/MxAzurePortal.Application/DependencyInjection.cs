using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MxAzurePortal.Application.Admin;
using MxAzurePortal.Application.Clusters;
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
        return services;
    }
}
