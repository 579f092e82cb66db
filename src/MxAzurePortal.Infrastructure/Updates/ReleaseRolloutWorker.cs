using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.Infrastructure.Updates;

/// <summary>
/// The thin background service over release rollouts: every poll it lets <see cref="ReleaseRollout"/> queue the update
/// runs of releases whose date has come. Any number of instances may run it; the database keeps each update single.
/// </summary>
public sealed partial class ReleaseRolloutWorker(
    ReleaseRollout rollout,
    IOptions<ServiceUpdateOptions> options,
    ILogger<ReleaseRolloutWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollMilliseconds, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            try
            {
                await rollout.RollOutDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // The database may be briefly unavailable; the next poll tries again.
                LogRolloutFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not roll out the due service releases; trying again")]
    private static partial void LogRolloutFailed(ILogger logger, Exception exception);
}
