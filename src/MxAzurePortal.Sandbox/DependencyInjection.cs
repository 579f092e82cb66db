using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.Sandbox;

public static class DependencyInjection
{
    public static IServiceCollection AddSandbox(this IServiceCollection services)
    {
        services.AddOptions<SandboxOptions>()
            .BindConfiguration(SandboxOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddScoped<DemoDataSeeder>();
        return services;
    }

    /// <summary>Seeds the demo world; the caller runs it only when the sandbox is enabled.</summary>
    public static async Task SeedSandboxAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
    }
}
