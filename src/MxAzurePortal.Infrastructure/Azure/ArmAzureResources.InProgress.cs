using Microsoft.Extensions.Logging;
using MxAzurePortal.Application.Azure;

namespace MxAzurePortal.Infrastructure.Azure;

public sealed partial class ArmAzureResources
{
    private static readonly HashSet<string> SettledStates = new(StringComparer.OrdinalIgnoreCase) { "Succeeded", "Failed", "Canceled" };

    /// <summary>
    /// Runs a write. When ARM refuses it with 409 because an operation on the resource is still running (one this portal
    /// started before its worker stopped, or AKS's own node image upgrade), it waits for the resource to settle, up to
    /// <see cref="AzureOptions.InProgressWaitMinutes"/>, and writes once more. Such an operation takes many minutes, far
    /// longer than a step's retries wait. A conflict on a resource that is not busy is the caller's to retry.
    /// </summary>
    private async Task<T> AfterOperationInProgressAsync<T>(string resourceId, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        AzureOperationException conflict;
        try
        {
            return await write();
        }
        catch (AzureOperationException exception) when (exception.Status == 409)
        {
            conflict = exception;
        }

        if (await GetAsync(resourceId, cancellationToken) is not { ProvisioningState: { } state } || SettledStates.Contains(state))
        {
            throw conflict;
        }

        LogWaiting(logger, resourceId, state);
        var polls = (int)Math.Ceiling(options.Value.InProgressWaitMinutes * 60 / options.Value.PollIntervalSeconds);
        for (var poll = 0; poll < polls; poll++)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds), cancellationToken);
            if (await GetAsync(resourceId, cancellationToken) is not { ProvisioningState: { } now } || SettledStates.Contains(now))
            {
                return await write();
            }
        }

        throw new AzureOperationException("OperationStillInProgress",
            $"Another operation on {resourceId} was still running after {options.Value.InProgressWaitMinutes:0.#} minutes ({conflict.Message}).",
            409, isTransient: true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ARM refused a write of {ResourceId} while it is {ProvisioningState}; waiting for that operation to end")]
    private static partial void LogWaiting(ILogger logger, string resourceId, string provisioningState);
}
