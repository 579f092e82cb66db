using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Support;

/// <summary>
/// The outbox entry that gets a ticket to Zendesk: written in the same transaction as the ticket, delivered by a
/// worker under a lease, retried with backoff until Zendesk has it.
/// </summary>
public sealed class TicketDelivery : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Guid TicketId { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    public string? LeaseOwner { get; set; }

    public DateTimeOffset? LeaseExpiresAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
