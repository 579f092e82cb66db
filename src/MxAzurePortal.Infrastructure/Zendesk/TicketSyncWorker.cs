using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Infrastructure.Zendesk;

/// <summary>Reads Zendesk's incremental export on a timer, so statuses stay right even when webhooks are missed.</summary>
public sealed partial class TicketSyncWorker(IServiceScopeFactory scopes, IOptions<SupportOptions> options, ILogger<TicketSyncWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SyncSeconds));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
                var changed = await scope.ServiceProvider.GetRequiredService<TicketSync>().RunOnceAsync(stoppingToken);
                LogSynced(logger, changed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                LogFailed(logger, exception);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Zendesk sync recorded {Changed} changed tickets")]
    private static partial void LogSynced(ILogger logger, int changed);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Zendesk sync failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
