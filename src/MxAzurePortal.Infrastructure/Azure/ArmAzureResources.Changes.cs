using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager.Resources;
using Azure.ResourceManager.Resources.Models;
using MxAzurePortal.Application.Azure;

namespace MxAzurePortal.Infrastructure.Azure;

public sealed partial class ArmAzureResources
{
    /// <summary>
    /// Types whose ARM PATCH changes nothing but tags (AKS's managed clusters: ManagedClusters_UpdateTags) or that have
    /// no PATCH (their agent pools). A change to one is a GET, the change merged into what it read, and a PUT of the
    /// whole, as the Azure CLI changes them.
    /// </summary>
    internal static readonly IReadOnlySet<string> ChangedByReplacing = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Microsoft.ContainerService/managedClusters",
        "Microsoft.ContainerService/managedClusters/agentPools",
    };

    public Task<AzureResourceState> PatchAsync(string resourceId, JsonObject body, CancellationToken cancellationToken) =>
        AfterOperationInProgressAsync(resourceId, () => ChangeAsync(resourceId, body, cancellationToken), cancellationToken);

    private async Task<AzureResourceState> ChangeAsync(string resourceId, JsonObject body, CancellationToken cancellationToken)
    {
        var id = new ResourceIdentifier(resourceId);
        var type = id.ResourceType.ToString();
        var version = ArmApiVersions.ByResourceType.TryGetValue(type, out var pinned)
            ? pinned
            : throw new InvalidOperationException($"No API version is pinned for {id.ResourceType}.");
        var path = $"{resourceId}?api-version={version}";
        var (method, content) = ChangedByReplacing.Contains(type)
            ? (RequestMethod.Put, JsonMergePatch.Apply(await raw.SendAsync(RequestMethod.Get, path, null, cancellationToken), body))
            : (RequestMethod.Patch, body);
        var (_, headers) = await raw.SendWithHeadersAsync(method, path, content, cancellationToken);
        if (headers.TryGetValue("Azure-AsyncOperation", out var operation) || headers.TryGetValue("Location", out operation))
        {
            await WaitForOperationAsync(new Uri(operation), cancellationToken);
        }

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
