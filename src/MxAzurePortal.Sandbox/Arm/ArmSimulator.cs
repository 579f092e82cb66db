using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MxAzurePortal.Sandbox.Arm;

/// <summary>
/// A simulator of the Azure Resource Manager subset the portal's adapter uses, served over HTTP: resource PUT, GET,
/// PATCH and DELETE with provisioningState and Azure-AsyncOperation polling, 409 conflicts, 429 throttling, provider
/// registration, SKUs, quotas and name checks. Faults and latencies come from <see cref="ArmSimulatorOptions"/>.
/// </summary>
public sealed partial class ArmSimulator
{
    private readonly ConcurrentDictionary<string, SimulatedResource> resources = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, SimulatedOperation> operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<ArmRequestRecord> requests = new();
    private readonly Lock gate = new();
    private readonly TimeProvider clock;
    private long requestCount;

    public ArmSimulator(IOptions<ArmSimulatorOptions> options, TimeProvider clock)
    {
        Options = options.Value;
        this.clock = clock;
        Load();
    }

    /// <summary>The live settings: tests and the sandbox admin page change faults while it runs.</summary>
    public ArmSimulatorOptions Options { get; }

    public IReadOnlyCollection<ArmRequestRecord> Requests => requests.ToArray();

    public IReadOnlyCollection<SimulatedResource> Resources => resources.Values.ToArray();

    public void ClearRequests() => requests.Clear();

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "/";
        var apiVersion = request.Query["api-version"].FirstOrDefault();
        string? body = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            using var reader = new StreamReader(request.Body);
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        if (request.Method == "PUT" && ResourceType(path) is { } type && Take(Options.DropPuts, type))
        {
            requests.Enqueue(new ArmRequestRecord(request.Method, path, apiVersion, body, 0));
            context.Abort();
            return;
        }

        var (status, json, headers) = Dispatch(request.Method, path, apiVersion, body, request.Headers.Authorization.ToString(), request.Query);
        requests.Enqueue(new ArmRequestRecord(request.Method, path, apiVersion, body, status));
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        if (json is not null)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(json.ToJsonString(), context.RequestAborted);
        }
    }

    /// <summary>The type of the resource a path names (<c>Microsoft.Storage/storageAccounts</c>), or null.</summary>
    private static string? ResourceType(string path)
    {
        var at = path.LastIndexOf("/providers/", StringComparison.OrdinalIgnoreCase);
        var parts = at < 0 ? [] : path[(at + "/providers/".Length)..].Trim('/').Split('/');
        return parts.Length is >= 3 and var n && n % 2 == 1
            ? string.Join('/', parts.Where((_, i) => i == 0 || i % 2 == 1))
            : null;
    }

    private (int Status, JsonNode? Json, Dictionary<string, string> Headers) Dispatch(
        string method, string path, string? apiVersion, string? body, string authorization, IQueryCollection query)
    {
        var headers = new Dictionary<string, string>();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return (401, Error("AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."), headers);
        }

        if (string.IsNullOrEmpty(apiVersion))
        {
            return (400, Error("MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests."), headers);
        }

        var count = Interlocked.Increment(ref requestCount);
        if (Options.ThrottleEveryNthRequest > 0 && count % Options.ThrottleEveryNthRequest == 0)
        {
            var wait = Math.Max(Options.RetryAfterMilliseconds, 0);
            headers["Retry-After"] = ((int)Math.Ceiling(wait / 1000.0)).ToString(CultureInfo.InvariantCulture);
            headers["retry-after-ms"] = wait.ToString(CultureInfo.InvariantCulture);
            return (429, Error("TooManyRequests", "The request is being throttled. Retry after the time in the Retry-After header."), headers);
        }

        if (Fault(method, path) is { } fault)
        {
            return fault;
        }

        var segments = path.Trim('/').Split('/');
        if (segments.Length < 2 || !segments[0].Equals("subscriptions", StringComparison.OrdinalIgnoreCase))
        {
            return (404, Error("InvalidResourceNamespace", $"The path '{path}' is not an ARM path."), headers);
        }

        var subscription = segments[1];
        if (Options.UnreachableSubscriptions.Contains(subscription, StringComparer.OrdinalIgnoreCase))
        {
            return (404, Error("SubscriptionNotFound", $"The subscription '{subscription}' could not be found."), headers);
        }

        if (segments.Length >= 3 && segments[2].Equals("providers", StringComparison.OrdinalIgnoreCase))
        {
            return SubscriptionProvider(method, segments, apiVersion, body, headers);
        }

        if (segments.Length == 2 && method == "GET")
        {
            return (200, new JsonObject
            {
                ["id"] = $"/subscriptions/{subscription}",
                ["subscriptionId"] = subscription,
                ["displayName"] = "Sandbox subscription",
                ["state"] = "Enabled",
            }, headers);
        }

        if (Policy(method, segments, query, headers) is { } policy)
        {
            return policy;
        }

        return segments.Length >= 4 && segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            ? Resource(method, path.TrimEnd('/'), segments, apiVersion, body, headers)
            : (404, Error("NotFound", $"No route for {method} {path}."), headers);
    }

    internal static JsonObject Error(string code, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    private DateTimeOffset Now => clock.GetUtcNow();

    private TimeSpan LatencyOf(string type)
    {
        var seconds = Options.LatencySeconds.TryGetValue(type, out var s) ? s : Options.DefaultLatencySeconds;
        return TimeSpan.FromSeconds(seconds * Options.LatencyScale);
    }

    private void Save()
    {
        if (string.IsNullOrEmpty(Options.StatePath))
        {
            return;
        }

        lock (gate)
        {
            var all = new JsonArray(resources.Values.Select(r => (JsonNode)r.Body.DeepClone()).ToArray());
            var temp = Options.StatePath + ".tmp";
            File.WriteAllText(temp, all.ToJsonString());
            File.Move(temp, Options.StatePath, overwrite: true);
        }
    }

    private void Load()
    {
        if (string.IsNullOrEmpty(Options.StatePath) || !File.Exists(Options.StatePath))
        {
            return;
        }

        foreach (var node in JsonNode.Parse(File.ReadAllText(Options.StatePath))!.AsArray().OfType<JsonObject>())
        {
            var id = node["id"]!.GetValue<string>();
            resources[id] = new SimulatedResource { Id = id, Type = node["type"]!.GetValue<string>(), Body = node };
        }
    }

    private static JsonObject? ParseObject(string? body)
    {
        try
        {
            return string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
