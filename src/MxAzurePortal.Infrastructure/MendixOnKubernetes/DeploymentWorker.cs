using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Deployments;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Infrastructure.MendixOnKubernetes;

/// <summary>The thin background service over deployment jobs: claims due jobs by lease and advances each in its own scope.</summary>
public sealed partial class DeploymentWorker(
    IServiceScopeFactory scopes, IOptions<DeploymentOptions> options, ILogger<DeploymentWorker> logger) : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName[..Math.Min(64, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<Guid> claimed = [];
            try
            {
                claimed = await InScopeAsync(sp => sp.GetRequiredService<DeploymentJobLeases>()
                    .ClaimDueAsync(owner, options.Value.MaxConcurrentJobs, stoppingToken));
                await Task.WhenAll(claimed.Select(id => InScopeAsync(async sp =>
                {
                    await sp.GetRequiredService<DeploymentJobRunner>().AdvanceAsync(id, owner, stoppingToken);
                    return true;
                })));
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.Value.PollMilliseconds, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
        return await work(scope.ServiceProvider);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deployment job round failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
