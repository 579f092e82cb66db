using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Models;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Azure;

namespace MxAzurePortal.Infrastructure.Azure;

/// <summary>
/// <see cref="IAzureResources"/> on Azure Resource Manager: generic resources with pinned API versions through the
/// Azure SDK pipeline (credential, retries of 429 and 5xx with Retry-After), long-running operations polled to the end.
/// </summary>
public sealed partial class ArmAzureResources(ArmClient client, IOptions<AzureOptions> options, ILogger<ArmAzureResources> logger)
    : IAzureResources
{
    private readonly ArmRawCalls raw = new(client);

    private DelayStrategy Polling => DelayStrategy.CreateFixedDelayStrategy(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds));

    public Task<AzureResourceState> PutAsync(AzureResourceRequest request, CancellationToken cancellationToken) =>
        AfterOperationInProgressAsync(request.ResourceId, () => CreateOrUpdateAsync(request, cancellationToken), cancellationToken);

    private async Task<AzureResourceState> CreateOrUpdateAsync(AzureResourceRequest request, CancellationToken cancellationToken)
    {
        var id = new ResourceIdentifier(request.ResourceId);
        var data = new GenericResourceData(new AzureLocation(request.Location ?? "global"))
        {
            Kind = request.Kind,
            Properties = request.Properties is null ? null : BinaryData.FromString(request.Properties.ToJsonString()),
            Sku = request.Sku is null ? null : new ResourcesSku { Name = request.Sku.Name, Tier = request.Sku.Tier },
            Identity = request.SystemAssignedIdentity ? new ManagedServiceIdentity(ManagedServiceIdentityType.SystemAssigned) : null,
        };
        foreach (var (name, value) in request.Tags)
        {
            data.Tags[name] = value;
        }

        try
        {
            var operation = await client.GetGenericResources().CreateOrUpdateAsync(WaitUntil.Started, id, data, cancellationToken);
            var resource = await operation.WaitForCompletionAsync(Polling, cancellationToken);
            LogPut(logger, request.ResourceId, resource.Value.Data.ProvisioningState);
            return ToState(resource.Value);
        }
        catch (Exception exception) when (ArmErrors.Translate(exception, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    public async Task<AzureResourceState?> GetAsync(string resourceId, CancellationToken cancellationToken)
    {
        try
        {
            var resource = await client.GetGenericResources().GetAsync(new ResourceIdentifier(resourceId), cancellationToken);
            return ToState(resource.Value);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            return null;
        }
        catch (Exception exception) when (ArmErrors.Translate(exception, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    public Task DeleteAsync(string resourceId, CancellationToken cancellationToken) =>
        AfterOperationInProgressAsync(resourceId, async () =>
        {
            await RemoveAsync(resourceId, cancellationToken);
            return true;
        }, cancellationToken);

    private async Task RemoveAsync(string resourceId, CancellationToken cancellationToken)
    {
        try
        {
            var operation = await client.GetGenericResource(new ResourceIdentifier(resourceId)).DeleteAsync(WaitUntil.Started, cancellationToken);
            await operation.WaitForCompletionResponseAsync(Polling, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // Already gone: deleting is idempotent.
        }
        catch (Exception exception) when (ArmErrors.Translate(exception, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    private static AzureResourceState ToState(GenericResource resource)
    {
        var properties = resource.Data.Properties is null
            ? null
            : System.Text.Json.Nodes.JsonNode.Parse(resource.Data.Properties.ToString()) as System.Text.Json.Nodes.JsonObject;
        return new AzureResourceState(
            resource.Id.ToString(),
            resource.Data.ProvisioningState ?? properties?["provisioningState"]?.GetValue<string>(),
            properties,
            new Dictionary<string, string>(resource.Data.Tags));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "ARM PUT {ResourceId} ended {ProvisioningState}")]
    private static partial void LogPut(ILogger logger, string resourceId, string? provisioningState);
}
