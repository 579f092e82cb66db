using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Support;

public enum TicketSeverity
{
    Critical = 0,
    High = 1,
    Medium = 2,
    Low = 3,
}

public enum TicketSource
{
    Manual = 0,
    Automatic = 1,
}

/// <summary>The portal's three statuses (and Submitting, until Zendesk has the ticket). See <see cref="ZendeskStatuses"/>.</summary>
public enum TicketStatus
{
    Submitting = 0,
    OnHold = 1,
    AwaitingYourReply = 2,
    Solved = 3,
}

/// <summary>A support request about one cluster. Automatic tickets come from a failed initialization rerun.</summary>
public sealed class SupportTicket : ITenantOwned, ITimestamped
{
    public const int SubjectMaxLength = 150;

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Guid ClusterId { get; set; }

    public required string Subject { get; set; }

    public required string Description { get; set; }

    public TicketSeverity Severity { get; set; }

    public TicketSource Source { get; set; }

    /// <summary>The failed run an automatic ticket is about; at most one automatic ticket per run.</summary>
    public Guid? RunId { get; set; }

    public TicketStatus Status { get; set; } = TicketStatus.Submitting;

    /// <summary>Consent to send the cluster's recent logs (redacted) with the ticket; required for a manual ticket.</summary>
    public bool ShareLogs { get; set; }

    /// <summary>Consent to temporary direct access by Mendix staff, in hours (at most 8); null when not given.</summary>
    public int? AccessHours { get; set; }

    public long? ZendeskTicketId { get; set; }

    /// <summary>Zendesk's own status (new, open, pending, hold, solved, closed), shown in the ticket details.</summary>
    public string? ZendeskStatus { get; set; }

    public DateTimeOffset? LastSyncedAt { get; set; }

    /// <summary>Zendesk's updated_at of the state recorded: an older state read later (a slow read) does not replace it.</summary>
    public DateTimeOffset? ZendeskUpdatedAt { get; set; }

    /// <summary>
    /// The requester's e-mail for Zendesk: who opened the ticket, or whose rerun opened an automatic one. Null only
    /// where that address is unknown; the portal's agent account is then the requester.
    /// </summary>
    public string? RequesterEmail { get; set; }

    public string? CreatedByUserId { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
