using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Support;

/// <summary>
/// Gets one ticket into Zendesk exactly once: it first looks the ticket up by external_id (Zendesk may have created it
/// while the answer was lost), then uploads the redacted logs and creates it with the ticket id as Idempotency-Key.
/// Any failure leaves the delivery due again later, with backoff; nothing is lost.
/// </summary>
public sealed partial class TicketDeliverer(
    IPortalDb db, ITicketDesk desk, IClusterLogs logs, TimeProvider clock, IOptions<SupportOptions> options, ILogger<TicketDeliverer> logger)
{
    public async Task DeliverAsync(Guid deliveryId, CancellationToken cancellationToken)
    {
        var delivery = await db.TicketDeliveries.SingleAsync(d => d.Id == deliveryId, cancellationToken);
        var ticket = await db.SupportTickets.SingleAsync(t => t.Id == delivery.TicketId, cancellationToken);
        delivery.Attempts++;

        // The attempt ends well within the lease, whatever Zendesk's retries and Retry-After waits add up to, so no
        // other worker takes the delivery while this one still talks to Zendesk about it.
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(TimeSpan.FromSeconds(options.Value.LeaseSeconds * 0.8));
        try
        {
            var existing = await desk.FindByExternalIdAsync(ticket.Id.ToString(), attempt.Token);
            var created = existing.Count > 0 ? existing.MinBy(t => t.Id)! : await CreateAsync(ticket, attempt.Token);
            ticket.ZendeskTicketId = created.Id;
            ticket.ZendeskStatus = created.Status;
            ticket.Status = ZendeskStatuses.Map(created.Status);
            ticket.ZendeskUpdatedAt = created.UpdatedAt;
            ticket.LastSyncedAt = clock.GetUtcNow();
            delivery.DeliveredAt = clock.GetUtcNow();
            delivery.LastError = null;
            LogDelivered(logger, ticket.Id, created.Id, delivery.Attempts, existing.Count > 0);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Whatever failed, the delivery waits before its next attempt: without a wait a failure that repeats (an
            // answer that is not Zendesk's JSON, logs that cannot be read) would be claimed again at once, for ever.
            var wait = Math.Min(options.Value.RetryBaseSeconds * Math.Pow(2, delivery.Attempts - 1), options.Value.MaxRetrySeconds);
            delivery.NextAttemptAt = clock.GetUtcNow().AddSeconds(wait);
            var reason = exception switch
            {
                OperationCanceledException => $"Zendesk did not finish within {options.Value.LeaseSeconds * 0.8:0.#} s.",
                HttpRequestException or TimeoutException => exception.Message,
                _ => $"{exception.GetType().Name}: {exception.Message}",
            };
            delivery.LastError = Text.Shorten($"Attempt {delivery.Attempts} failed: {reason}", 1000);
            if (exception is HttpRequestException or TimeoutException or OperationCanceledException)
            {
                LogRetry(logger, ticket.Id, delivery.Attempts, wait, reason);
            }
            else
            {
                LogUnexpected(logger, exception, ticket.Id, delivery.Attempts, wait);
            }
        }
        finally
        {
            delivery.LeaseOwner = null;
            delivery.LeaseExpiresAt = null;
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task<DeskTicket> CreateAsync(SupportTicket ticket, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.Where(c => c.Id == ticket.ClusterId)
            .Select(c => new { c.Name, Organisation = c.Organisation!.Name }).SingleAsync(cancellationToken);
        var uploads = new List<string>();
        if (ticket.ShareLogs)
        {
            var lines = await logs.GetRecentAsync(ticket.ClusterId, cluster.Name, options.Value.LogLines, cancellationToken);
            var bundle = LogBundle.Build(cluster.Name, clock.GetUtcNow(), lines, options.Value.LogMaxBytes);
            var name = string.Create(CultureInfo.InvariantCulture, $"{cluster.Name}-logs-{clock.GetUtcNow():yyyyMMdd-HHmmss}.txt");
            uploads.Add(await desk.UploadAsync(name, "text/plain", Encoding.UTF8.GetBytes(bundle), cancellationToken));
        }

        // The description goes through the redactor as the logs do: an automatic ticket's carries step errors and log
        // lines, and a customer may paste a connection string into theirs.
        var body = new StringBuilder(SecretRedactor.Redact(ticket.Description))
            .AppendLine().AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Cluster: {cluster.Name} ({ticket.ClusterId}), organisation {cluster.Organisation}")
            .AppendLine(CultureInfo.InvariantCulture, $"Severity: {ticket.Severity} ({ZendeskStatuses.ResponseTarget(ticket.Severity)})")
            .AppendLine(ticket.ShareLogs ? "Recent logs (secrets redacted) are attached." : "The customer did not share logs.")
            .AppendLine(ticket.AccessHours is { } hours
                ? $"The customer consents to direct access to the cluster for up to {hours} hours."
                : "No direct access to the cluster was granted.");
        var tags = new List<string> { $"cluster_{ticket.ClusterId:N}", $"org_{ticket.OrganisationId:N}", "mendix_on_azure" };
        if (ticket.Source == TicketSource.Automatic)
        {
            tags.Add("automatic");
        }

        return await desk.CreateAsync(new NewDeskTicket(
            ticket.Id.ToString(), ticket.Subject, body.ToString(), ZendeskStatuses.Priority(ticket.Severity),
            ticket.CreatedBy, ticket.RequesterEmail, tags, uploads), ticket.Id.ToString(), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ticket {TicketId} is Zendesk ticket {ZendeskTicketId} (attempt {Attempt}, found by external_id: {Found})")]
    private static partial void LogDelivered(ILogger logger, Guid ticketId, long zendeskTicketId, int attempt, bool found);

    [LoggerMessage(Level = LogLevel.Error, Message = "Ticket {TicketId} not delivered on an unexpected error (attempt {Attempt}); next try in {WaitSeconds} s")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, Guid ticketId, int attempt, double waitSeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ticket {TicketId} not delivered (attempt {Attempt}); next try in {WaitSeconds} s: {Error}")]
    private static partial void LogRetry(ILogger logger, Guid ticketId, int attempt, double waitSeconds, string error);
}
