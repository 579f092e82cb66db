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

    public string? CreatedByUserId { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
