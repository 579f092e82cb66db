using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace MxAzurePortal.Sandbox.Zendesk;

public sealed record ZendeskRequestRecord(string Method, string Path, string Query, int Status);

/// <summary>
/// A simulator of the Zendesk Support API subset the portal uses, served over HTTP: ticket create with idempotency keys,
/// look-up by external_id, show_many, uploads and the incremental export cursor, with outages, 500s, 429s, timeouts
/// and lost responses by configuration, plus a small agent page to reply and change a ticket's status.
/// </summary>
public sealed partial class ZendeskSimulator(IOptions<ZendeskSimulatorOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<long, JsonObject> tickets = new();
    private readonly ConcurrentDictionary<string, (string BodyHash, long TicketId)> idempotency = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> uploads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> uploadContents = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ZendeskRequestRecord> requests = new();
    private readonly Lock gate = new();
    private Random? random;
    private long nextId = 1000;

    public ZendeskSimulatorOptions Options { get; } = options.Value;

    public IReadOnlyCollection<ZendeskRequestRecord> Requests => requests.ToArray();

    public IReadOnlyCollection<JsonObject> Tickets => tickets.Values.Select(t => (JsonObject)t.DeepClone()).ToArray();

    public void ClearRequests() => requests.Clear();

    /// <summary>What was uploaded, by "file name#token", so tests can read the attachments.</summary>
    public IReadOnlyDictionary<string, string> Uploads => uploadContents;

    /// <summary>As an agent would: change a ticket's status (and add a public reply).</summary>
    public void SetStatus(long id, string status, string? reply = null)
    {
        var ticket = tickets[id];
        lock (gate)
        {
            ticket["status"] = status;
            ticket["updated_at"] = Now;
            if (!string.IsNullOrWhiteSpace(reply))
            {
                (ticket["comments"] as JsonArray)?.Add(new JsonObject { ["author"] = "Mendix Support", ["body"] = reply, ["created_at"] = Now });
            }
        }
    }

    public async Task HandleApiAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        string body;
        using (var reader = new StreamReader(request.Body))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        var status = await AnswerAsync(context, path, body);
        requests.Enqueue(new ZendeskRequestRecord(request.Method, path, request.QueryString.Value ?? "", status));
    }

    private async Task<int> AnswerAsync(HttpContext context, string path, string body)
    {
        var response = context.Response;
        if (!context.Request.Headers.Authorization.ToString().StartsWith("Basic ", StringComparison.Ordinal)
            || !Encoding.UTF8.GetString(Convert.FromBase64String(context.Request.Headers.Authorization.ToString()[6..])).Contains("/token:", StringComparison.Ordinal))
        {
            return await WriteAsync(response, 401, Error("Couldn't authenticate you"));
        }

        if (Options.Down)
        {
            return await WriteAsync(response, 503, Error("Zendesk is temporarily unavailable"));
        }

        var fault = NextFault();
        switch (fault)
        {
            case "500":
                return await WriteAsync(response, 500, Error("Internal server error"));
            case "429":
                response.Headers.RetryAfter = Options.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                return await WriteAsync(response, 429, Error("Too many requests"));
            case "timeout":
                await Task.Delay(Options.TimeoutMilliseconds, CancellationToken.None);
                break;
            case "garbled":
                // A proxy's page in place of Zendesk's JSON, with a success status; nothing is done.
                response.ContentType = "text/html";
                await response.WriteAsync("<html><body>Service notice</body></html>", context.RequestAborted);
                return 200;
        }

        var beforeWork = Options.LatencyMilliseconds / 2;
        await Task.Delay(beforeWork, CancellationToken.None);
        var headers = new Dictionary<string, string>();
        var (status, json) = Route(context.Request, path, body, headers);
        await Task.Delay(Options.LatencyMilliseconds - beforeWork, CancellationToken.None);
        if (fault == "lost")
        {
            // The work is done; the answer never arrives.
            return await WriteAsync(response, 500, Error("Upstream connection reset"));
        }

        foreach (var (name, value) in headers)
        {
            response.Headers[name] = value;
        }

        return await WriteAsync(response, status, json);
    }

    private string? NextFault()
    {
        if (Options.FailureRate <= 0 || Options.FailureModes.Count == 0)
        {
            return null;
        }

        lock (gate)
        {
            random ??= new Random(Options.Seed);
            return random.NextDouble() < Options.FailureRate ? Options.FailureModes[random.Next(Options.FailureModes.Count)] : null;
        }
    }

    private string Now => clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static JsonObject Error(string message) => new() { ["error"] = message };

    private static async Task<int> WriteAsync(HttpResponse response, int status, JsonNode? json)
    {
        response.StatusCode = status;
        if (json is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await response.WriteAsync(json.ToJsonString());
        }

        return status;
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
