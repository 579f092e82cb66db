using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Infrastructure.Runs;

/// <summary>
/// The thin background service over durable runs: it claims runs through their database lease and hands each to
/// <see cref="RunExecutor"/>. Any number of portal instances may run one; a lease keeps a run with one worker.
/// </summary>
public sealed partial class RunWorker(
    IServiceScopeFactory scopes,
    RunExecutor executor,
    IOptions<RunOptions> options,
    ILogger<RunWorker> logger) : BackgroundService
{
    /// <summary>Unique per process and worker, so leases tell instances apart.</summary>
    public string Owner { get; } = $"{Environment.MachineName[..Math.Min(64, Environment.MachineName.Length)]}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var active = new Dictionary<Guid, Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var done in active.Where(a => a.Value.IsCompleted).Select(a => a.Key).ToList())
            {
                active.Remove(done);
            }

            Guid? claimed = null;
            if (active.Count < options.Value.MaxConcurrentRuns)
            {
                claimed = await TryClaimAsync(stoppingToken);
            }

            // A run this worker still drives comes back when its lease lapsed (a long pause): the claim has renewed
            // the lease, and a second driver would repeat the steps in flight.
            if (claimed is { } runId && !active.ContainsKey(runId))
            {
                active[runId] = Task.Run(() => executor.DriveAsync(runId, Owner, stoppingToken), CancellationToken.None);
                continue;
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

        await Task.WhenAll(active.Values);
    }

    private async Task<Guid?> TryClaimAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
            return await scope.ServiceProvider.GetRequiredService<RunLeases>().ClaimNextAsync(Owner, stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The database may be briefly unavailable; the next poll tries again.
            LogClaimFailed(logger, exception);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not look for runs to claim; trying again")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);
}
