using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Infrastructure.Zendesk;

/// <summary>
/// <see cref="ITicketDesk"/> on the Zendesk Support REST API: a typed HttpClient with API-token authentication; its
/// resilience handler retries transient faults and honours 429 Retry-After. Creation carries an Idempotency-Key.
/// </summary>
public sealed class ZendeskTicketDesk(HttpClient http, IOptions<ZendeskOptions> options) : ITicketDesk
{
    public async Task<IReadOnlyList<DeskTicket>> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken)
    {
        var answer = await GetAsync($"api/v2/tickets.json?external_id={Uri.EscapeDataString(externalId)}", cancellationToken);
        return Tickets(answer["tickets"]);
    }

    public async Task<string> UploadAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        using var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.PostAsync(new Uri($"api/v2/uploads.json?filename={Uri.EscapeDataString(fileName)}", UriKind.Relative), body, cancellationToken);
        var answer = await ReadAsync(response, cancellationToken);
        return answer["upload"]?["token"]?.GetValue<string>() ?? throw new ZendeskException("Zendesk answered an upload without a token.", (int)response.StatusCode, false);
    }

    public async Task<DeskTicket> CreateAsync(NewDeskTicket ticket, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["ticket"] = new JsonObject
            {
                ["subject"] = ticket.Subject,
                ["comment"] = new JsonObject
                {
                    ["body"] = ticket.Body,
                    ["public"] = true,
                    ["uploads"] = new JsonArray([.. ticket.UploadTokens.Select(t => (JsonNode?)t)]),
                },
                ["priority"] = ticket.Priority,
                ["requester"] = new JsonObject { ["name"] = ticket.RequesterName, ["email"] = ticket.RequesterEmail },
                ["tags"] = new JsonArray([.. ticket.Tags.Select(t => (JsonNode?)t)]),
                ["external_id"] = ticket.ExternalId,
            },
        };
        if (ticket.RequesterEmail is null)
        {
            // Without a requester (automatic tickets) Zendesk makes the portal's agent account the requester.
            ((JsonObject)body["ticket"]!).Remove("requester");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("api/v2/tickets.json", UriKind.Relative))
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", idempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        return Ticket((await ReadAsync(response, cancellationToken))["ticket"]!);
    }

    public async Task<IReadOnlyList<DeskTicket>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count > ITicketDesk.MaxTicketsPerRead)
        {
            throw new ArgumentException($"Zendesk reads at most {ITicketDesk.MaxTicketsPerRead} tickets a call.", nameof(ids));
        }

        var list = string.Join(',', ids.Select(i => i.ToString(CultureInfo.InvariantCulture)));
        return Tickets((await GetAsync($"api/v2/tickets/show_many.json?ids={list}", cancellationToken))["tickets"]);
    }

    public async Task<DeskExportPage> ExportChangesAsync(string? cursor, DateTimeOffset startTime, CancellationToken cancellationToken)
    {
        var query = cursor is null
            ? $"start_time={startTime.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}"
            : $"cursor={Uri.EscapeDataString(cursor)}";
        var answer = await GetAsync($"api/v2/incremental/tickets/cursor.json?{query}", cancellationToken);
        return new DeskExportPage(Tickets(answer["tickets"]), answer["after_cursor"]?.GetValue<string>(), answer["end_of_stream"]?.GetValue<bool>() ?? true);
    }

    public Uri RequesterLink(long ticketId) => new(options.Value.LinkBaseUrl ?? options.Value.GetRoot(), $"hc/requests/{ticketId}");

    public Uri AgentLink(long ticketId) => new(options.Value.LinkBaseUrl ?? options.Value.GetRoot(), $"agent/tickets/{ticketId}");

    private async Task<JsonObject> GetAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(pathAndQuery, UriKind.Relative), cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            var status = (int)response.StatusCode;
            throw new ZendeskException($"Zendesk answered {status}: {detail[..Math.Min(detail.Length, 300)]}", status, status is 408 or 409 or 429 or >= 500);
        }

        return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? [];
    }

    private static IReadOnlyList<DeskTicket> Tickets(JsonNode? list) => [.. (list as JsonArray ?? []).OfType<JsonObject>().Select(Ticket)];

    private static DeskTicket Ticket(JsonNode ticket) => new(
        ticket["id"]!.GetValue<long>(),
        ticket["external_id"]?.GetValue<string>(),
        ticket["status"]?.GetValue<string>() ?? "new",
        DateTimeOffset.Parse(ticket["updated_at"]?.GetValue<string>() ?? "1970-01-01T00:00:00Z", CultureInfo.InvariantCulture));
}
