using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Infrastructure.Zendesk;

namespace MxAzurePortal.Web.Operations;

/// <summary>
/// POST /webhooks/zendesk: Zendesk's signed ticket events, for near-real-time statuses. The body is the JSON a Zendesk
/// trigger sends: {"ticket": {"id": "{{ticket.id}}", "status": "{{ticket.status}}"}}; the ticket is then read from
/// Zendesk, so a late or reordered event cannot record an old status. Periodic sync covers missed events.
/// </summary>
public static class ZendeskWebhook
{
    public const string Path = "/webhooks/zendesk";

    public static IEndpointRouteBuilder MapZendeskWebhook(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(Path, HandleAsync).AllowAnonymous().DisableAntiforgery();
        return endpoints;
    }

    private static async Task<IResult> HandleAsync(HttpContext context, ZendeskWebhookVerifier verifier, TicketService tickets, TenantScope scope)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var verdict = verifier.Verify(
            context.Request.Headers["X-Zendesk-Webhook-Signature"], context.Request.Headers["X-Zendesk-Webhook-Signature-Timestamp"], body);
        switch (verdict)
        {
            case WebhookVerdict.MissingSignature or WebhookVerdict.Forged:
                return Results.Problem("The webhook signature is missing or does not match.", statusCode: StatusCodes.Status401Unauthorized);
            case WebhookVerdict.Stale:
                return Results.Problem("The webhook timestamp is too old or in the future.", statusCode: StatusCodes.Status401Unauthorized);
            case WebhookVerdict.Replayed:
                return Results.Problem("This webhook delivery was processed already.", statusCode: StatusCodes.Status409Conflict);
        }

        long? ticketId;
        try
        {
            var id = JsonNode.Parse(body)?["ticket"]?["id"];
            ticketId = id is null ? null : long.Parse(id.ToString(), NumberStyles.None, CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is JsonException or FormatException or OverflowException or InvalidOperationException)
        {
            ticketId = null;
        }

        if (ticketId is not { } zendeskTicketId)
        {
            return Results.Problem("The body must be {\"ticket\": {\"id\": ..., \"status\": ...}}.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Zendesk is not a user: the event may concern any organisation's ticket. Its status is not taken from the
        // body: events come in any order, so the ticket is read as Zendesk has it now.
        scope.OpenToAllOrganisations();
        try
        {
            await tickets.RefreshDeskTicketAsync(zendeskTicketId, context.RequestAborted);
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutException)
        {
            return Results.Problem("Zendesk could not be read just now; the periodic sync records the change.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        return Results.NoContent();
    }
}
