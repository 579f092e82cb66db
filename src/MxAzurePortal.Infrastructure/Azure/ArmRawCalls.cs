using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.ResourceManager;

namespace MxAzurePortal.Infrastructure.Azure;

/// <summary>
/// Provider-level ARM calls that have no generic-resource form (name checks, SKUs, usages, role assignments),
/// sent through the ARM client's own pipeline, so they share its credential, retries and transport.
/// </summary>
internal sealed class ArmRawCalls(ArmClient client) : ArmResource(client, ResourceIdentifier.Root)
{
    public async Task<JsonObject> SendAsync(RequestMethod method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken) =>
        (await SendWithHeadersAsync(method, pathAndQuery, body, cancellationToken)).Body;

    public async Task<(JsonObject Body, IReadOnlyDictionary<string, string> Headers)> SendWithHeadersAsync(
        RequestMethod method, string pathAndQuery, JsonObject? body, CancellationToken cancellationToken)
    {
        using var message = Pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(Endpoint, pathAndQuery));
        message.Request.Headers.Add("Accept", "application/json");
        if (body is not null)
        {
            message.Request.Headers.Add("Content-Type", "application/json");
            message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        }

        try
        {
            await Pipeline.SendAsync(message, cancellationToken);
        }
        catch (Exception exception) when (ArmErrors.Translate(exception, cancellationToken) is { } error)
        {
            throw error;
        }

        var response = message.Response;
        if (response.IsError)
        {
            throw ArmErrors.From(response);
        }

        var headers = response.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
        var json = response.Content.ToMemory().Length == 0
            ? new JsonObject()
            : JsonNode.Parse(response.Content.ToString()) as JsonObject ?? new JsonObject();
        return (json, headers);
    }
}
