using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Infrastructure.Zendesk;

namespace MxAzurePortal.Web.Operations;

/// <summary>
/// POST /webhooks/zendesk: Zendesk's signed ticket events, for near-real-time statuses. The body is the JSON a Zendesk
/// trigger sends: {"ticket": {"id": "{{ticket.id}}", "status": "{{ticket.status}}"}}. Periodic sync covers missed events.
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

        DeskTicket? update;
        try
        {
            var ticket = JsonNode.Parse(body)?["ticket"];
            update = ticket?["id"] is { } id && ticket["status"]?.GetValue<string>() is { } status
                ? new DeskTicket(long.Parse(id.ToString(), CultureInfo.InvariantCulture), null, status, DateTimeOffset.UtcNow)
                : null;
        }
        catch (Exception exception) when (exception is JsonException or FormatException or InvalidOperationException)
        {
            update = null;
        }

        if (update is null)
        {
            return Results.Problem("The body must be {\"ticket\": {\"id\": ..., \"status\": ...}}.", statusCode: StatusCodes.Status400BadRequest);
        }

        // Zendesk is not a user: the event may concern any organisation's ticket.
        scope.OpenToAllOrganisations();
        await tickets.ApplyAsync([update], context.RequestAborted);
        return Results.NoContent();
    }
}
