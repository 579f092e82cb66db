using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MxAzurePortal.Sandbox.Zendesk;

public sealed partial class ZendeskSimulator
{
    private (int Status, JsonNode? Json) Route(HttpRequest request, string path, string body, Dictionary<string, string> headers)
    {
        var route = path.Trim('/').Replace(".json", "", StringComparison.Ordinal);
        return (request.Method, route) switch
        {
            ("POST", "api/v2/tickets") => Create(request, body, headers),
            ("GET", "api/v2/tickets") => (200, new JsonObject { ["tickets"] = List(t => t["external_id"]?.GetValue<string>() == request.Query["external_id"].ToString()) }),
            ("GET", "api/v2/tickets/show_many") => ShowMany(request.Query["ids"].ToString()),
            ("POST", "api/v2/uploads") => Upload(request.Query["filename"].ToString(), body),
            ("GET", "api/v2/incremental/tickets/cursor") => Export(request),
            ("GET", var r) when r.StartsWith("api/v2/tickets/", StringComparison.Ordinal)
                && long.TryParse(r["api/v2/tickets/".Length..], out var id) && tickets.TryGetValue(id, out var ticket)
                => (200, new JsonObject { ["ticket"] = Public(ticket) }),
            _ => (404, Error($"No route for {request.Method} {path}")),
        };
    }

    private (int, JsonNode?) Create(HttpRequest request, string body, Dictionary<string, string> headers)
    {
        var ticket = JsonNode.Parse(body)?["ticket"] as JsonObject;
        if (ticket?["comment"]?["body"] is null)
        {
            return (422, new JsonObject { ["error"] = "RecordInvalid", ["description"] = "Comment: body is required" });
        }

        var key = request.Headers["Idempotency-Key"].ToString();
        var hash = Hash(body);
        lock (gate)
        {
            if (key.Length > 0 && idempotency.TryGetValue(key, out var seen))
            {
                if (seen.BodyHash != hash)
                {
                    return (400, new JsonObject { ["error"] = "IdempotentRequestError", ["description"] = "The same key was used with another request body." });
                }

                headers["x-idempotency-lookup"] = "hit";
                return (201, new JsonObject { ["ticket"] = Public(tickets[seen.TicketId]) });
            }

            var id = ++nextId;
            var stored = new JsonObject
            {
                ["id"] = id,
                ["external_id"] = ticket["external_id"]?.DeepClone(),
                ["subject"] = ticket["subject"]?.DeepClone(),
                ["description"] = ticket["comment"]!["body"]!.DeepClone(),
                ["priority"] = ticket["priority"]?.DeepClone(),
                ["status"] = "new",
                ["requester"] = ticket["requester"]?.DeepClone(),
                ["tags"] = ticket["tags"]?.DeepClone() ?? new JsonArray(),
                ["attachments"] = new JsonArray([.. (ticket["comment"]!["uploads"] as JsonArray ?? [])
                    .Select(t => (JsonNode?)(uploads.TryGetValue(t!.GetValue<string>(), out var name) ? name : "unknown token"))]),
                ["comments"] = new JsonArray(),
                ["created_at"] = Now,
                ["updated_at"] = Now,
            };
            tickets[id] = stored;
            if (key.Length > 0)
            {
                idempotency[key] = (hash, id);
            }

            headers["x-idempotency-lookup"] = "miss";
            return (201, new JsonObject { ["ticket"] = Public(stored) });
        }
    }

    private (int, JsonNode?) ShowMany(string ids)
    {
        var wanted = ids.Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (wanted.Length > 100)
        {
            return (400, Error("show_many accepts at most 100 ids."));
        }

        var found = wanted.Select(w => long.TryParse(w, out var id) && tickets.TryGetValue(id, out var t) ? Public(t) : null).OfType<JsonNode>();
        return (200, new JsonObject { ["tickets"] = new JsonArray([.. found]) });
    }

    private (int, JsonNode?) Upload(string fileName, string body)
    {
        var token = Guid.NewGuid().ToString("N");
        uploads[token] = $"{fileName} ({body.Length} bytes)";
        uploadContents[fileName + "#" + token] = body;
        return (201, new JsonObject
        {
            ["upload"] = new JsonObject
            {
                ["token"] = token,
                ["attachment"] = new JsonObject { ["file_name"] = fileName, ["size"] = body.Length },
            },
        });
    }

    /// <summary>Tickets updated since start_time (or the cursor, which is the last updated_at and id seen), 1000 a page.</summary>
    private (int, JsonNode?) Export(HttpRequest request)
    {
        var cursor = request.Query["cursor"].ToString();
        var (since, afterId) = cursor.Length > 0 && cursor.Split('.') is [var at, var id]
            ? (long.Parse(at, CultureInfo.InvariantCulture), long.Parse(id, CultureInfo.InvariantCulture))
            : (long.Parse(request.Query["start_time"].ToString(), CultureInfo.InvariantCulture), 0L);
        var changed = tickets.Values
            .Select(t => (Ticket: t, At: DateTimeOffset.Parse(t["updated_at"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeSeconds(),
                Id: t["id"]!.GetValue<long>()))
            .Where(t => t.At > since || (t.At == since && t.Id > afterId))
            .OrderBy(t => t.At).ThenBy(t => t.Id)
            .Take(1000)
            .ToList();
        var last = changed.LastOrDefault();
        return (200, new JsonObject
        {
            ["tickets"] = new JsonArray([.. changed.Select(t => Public(t.Ticket))]),
            ["after_cursor"] = changed.Count == 0 ? cursor.Length > 0 ? cursor : $"{since}.0" : $"{last.At}.{last.Id}",
            ["end_of_stream"] = changed.Count < 1000,
        });
    }

    private JsonArray List(Func<JsonObject, bool> match) => new([.. tickets.Values.Where(match).Select(Public)]);

    private static JsonNode Public(JsonObject ticket)
    {
        var copy = (JsonObject)ticket.DeepClone();
        copy.Remove("comments");
        return copy;
    }
}
