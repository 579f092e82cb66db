using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Infrastructure.Zendesk;

/// <summary>The thin background service over the ticket outbox: claims due deliveries and runs them in parallel.</summary>
public sealed partial class TicketDeliveryWorker(
    IServiceScopeFactory scopes, IOptions<SupportOptions> options, ILogger<TicketDeliveryWorker> logger) : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName[..Math.Min(64, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<Guid> claimed = [];
            try
            {
                claimed = await InScopeAsync(sp => sp.GetRequiredService<TicketDeliveryLeases>()
                    .ClaimDueAsync(owner, options.Value.MaxConcurrentDeliveries, stoppingToken));
                await Task.WhenAll(claimed.Select(id => InScopeAsync(async sp =>
                {
                    await sp.GetRequiredService<TicketDeliverer>().DeliverAsync(id, stoppingToken);
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

            if (claimed.Count == 0)
            {
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
    }

    private async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
        return await work(scope.ServiceProvider);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket delivery round failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
