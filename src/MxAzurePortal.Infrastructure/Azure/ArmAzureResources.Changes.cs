using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using MxAzurePortal.Application.Azure;

namespace MxAzurePortal.Infrastructure.Azure;

public sealed partial class ArmAzureResources
{
    public async Task<AzureResourceState> PatchAsync(string resourceId, JsonObject body, CancellationToken cancellationToken)
    {
        var id = new ResourceIdentifier(resourceId);
        var version = ArmApiVersions.ByResourceType.TryGetValue(id.ResourceType.ToString(), out var pinned)
            ? pinned
            : throw new InvalidOperationException($"No API version is pinned for {id.ResourceType}.");
        var (answer, headers) = await raw.SendWithHeadersAsync(RequestMethod.Patch, $"{resourceId}?api-version={version}", body, cancellationToken);
        if (headers.TryGetValue("Azure-AsyncOperation", out var operation) || headers.TryGetValue("Location", out operation))
        {
            await WaitForOperationAsync(new Uri(operation), cancellationToken);
        }

        _ = answer;
        return await GetAsync(resourceId, cancellationToken)
            ?? throw new AzureOperationException("ResourceNotFound", $"{resourceId} is gone after the change.", 404, isTransient: false);
    }

    public async Task SetTagsAsync(string resourceId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken)
    {
        var tag = new Tag();
        foreach (var (name, value) in tags)
        {
            tag.TagValues[name] = value;
        }

        try
        {
            await client.GetGenericResource(new ResourceIdentifier(resourceId)).GetTagResource()
                .CreateOrUpdateAsync(WaitUntil.Completed, new TagResourceData(tag), cancellationToken);
        }
        catch (Exception exception) when (ArmErrors.Translate(exception, cancellationToken) is { } error)
        {
            throw error;
        }
    }

    /// <summary>Polls an Azure-AsyncOperation URL until the operation ends; a failure carries ARM's error.</summary>
    private async Task WaitForOperationAsync(Uri operation, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await raw.SendAsync(RequestMethod.Get, operation.PathAndQuery, null, cancellationToken);
            switch (status["status"]?.GetValue<string>())
            {
                case "Succeeded":
                    return;
                case "Failed" or "Canceled":
                    throw new AzureOperationException(
                        status["error"]?["code"]?.GetValue<string>() ?? "OperationFailed",
                        status["error"]?["message"]?.GetValue<string>() ?? "The operation failed.",
                        200, isTransient: false);
                default:
                    await Task.Delay(TimeSpan.FromSeconds(options.Value.PollIntervalSeconds), cancellationToken);
                    break;
            }
        }
    }
}
