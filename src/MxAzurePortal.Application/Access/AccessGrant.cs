using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Access;

public enum AccessGrantStatus
{
    Pending = 0,
    Approved = 1,
    Denied = 2,
    Expired = 3,
    Active = 4,
    Revoked = 5,
    Complete = 6,
}

public enum AccessGrantSource
{
    /// <summary>The customer consented when opening a support ticket: approved from the start.</summary>
    TicketConsent = 0,

    /// <summary>Mendix staff asked on a ticket; the customer's Cluster Manager approves or denies.</summary>
    StaffRequest = 1,
}

/// <summary>
/// Temporary direct access by Mendix staff to one cluster's resources, settings and logs, with the customer's consent.
/// A request waits at most 24 hours for an answer; an approved grant must be started within 24 hours and is active for
/// at most 8 hours. Time-driven changes are applied by <see cref="Settle"/> from the injected clock, before every use.
/// </summary>
public sealed class AccessGrant : ITenantOwned, ITimestamped
{
    public const int MaxHours = 8;

    public static readonly TimeSpan AnswerWithin = TimeSpan.FromHours(24);

    public static readonly TimeSpan StartWithin = TimeSpan.FromHours(24);

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid OrganisationId { get; set; }

    public Guid ClusterId { get; set; }

    public Guid? TicketId { get; set; }

    public AccessGrantSource Source { get; set; }

    public int DurationHours { get; set; }

    public AccessGrantStatus Status { get; set; }

    public required string RequestedBy { get; set; }

    public string? RequestedByUserId { get; set; }

    public required string Reason { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? DecidedByUserId { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? ActivatedBy { get; set; }

    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>The end of the active window: activation plus the granted hours.</summary>
    public DateTimeOffset? ActiveUntil { get; set; }

    /// <summary>When the grant stopped being usable: denied, expired, revoked or complete.</summary>
    public DateTimeOffset? EndedAt { get; set; }

    public string? EndedBy { get; set; }

    /// <summary>How many page views and actions staff made under the grant; each is in the activity log.</summary>
    public int AccessCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public bool IsOpen => Status is AccessGrantStatus.Pending or AccessGrantStatus.Approved or AccessGrantStatus.Active;

    /// <summary>When the grant's next time-driven change falls due, if it is still open.</summary>
    public DateTimeOffset? DueAt => DueFor(Status, RequestedAt, DecidedAt, ActiveUntil);

    /// <summary>When a grant in this state must be answered, started, or ends; null once it has ended.</summary>
    public static DateTimeOffset? DueFor(AccessGrantStatus status, DateTimeOffset requestedAt, DateTimeOffset? decidedAt, DateTimeOffset? activeUntil) =>
        status switch
        {
            AccessGrantStatus.Pending => requestedAt + AnswerWithin,
            AccessGrantStatus.Approved => (decidedAt ?? requestedAt) + StartWithin,
            AccessGrantStatus.Active => activeUntil,
            _ => null,
        };

    /// <summary>
    /// Applies the changes time has made: an unanswered request or an unstarted approval expires, an active grant
    /// completes. Returns the status it moved to, or null when nothing changed.
    /// </summary>
    public AccessGrantStatus? Settle(DateTimeOffset now)
    {
        var due = DueAt;
        var settled = StatusAt(Status, RequestedAt, DecidedAt, ActiveUntil, now);
        if (settled == Status)
        {
            return null;
        }

        Status = settled;
        EndedAt = due;
        EndedBy = null;
        return Status;
    }

    /// <summary>
    /// The status time has left a grant in at <paramref name="now"/>, whether or not it has been settled: past its due
    /// time an active grant is complete and a pending or approved one expired.
    /// </summary>
    public static AccessGrantStatus StatusAt(
        AccessGrantStatus status, DateTimeOffset requestedAt, DateTimeOffset? decidedAt, DateTimeOffset? activeUntil, DateTimeOffset now) =>
        DueFor(status, requestedAt, decidedAt, activeUntil) is { } due && now >= due
            ? status == AccessGrantStatus.Active ? AccessGrantStatus.Complete : AccessGrantStatus.Expired
            : status;

    /// <summary>True only for an active grant whose window has not closed at <paramref name="now"/>.</summary>
    public bool AllowsAccessAt(DateTimeOffset now) => Status == AccessGrantStatus.Active && now < ActiveUntil;

    public string? Approve(string by, string? userId, DateTimeOffset now)
    {
        if (Status != AccessGrantStatus.Pending)
        {
            return $"This request is {Status} already; only a pending request can be approved.";
        }

        (Status, DecidedBy, DecidedByUserId, DecidedAt) = (AccessGrantStatus.Approved, by, userId, now);
        return null;
    }

    public string? Deny(string by, string? userId, DateTimeOffset now)
    {
        if (Status != AccessGrantStatus.Pending)
        {
            return $"This request is {Status} already; only a pending request can be denied.";
        }

        (Status, DecidedBy, DecidedByUserId, DecidedAt, EndedAt, EndedBy) = (AccessGrantStatus.Denied, by, userId, now, now, by);
        return null;
    }

    public string? Revoke(string by, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return $"This grant is {Status} already; there is nothing to revoke.";
        }

        (Status, EndedAt, EndedBy) = (AccessGrantStatus.Revoked, now, by);
        return null;
    }

    /// <summary>Staff start working under an approved grant: the active window of <see cref="DurationHours"/> begins.</summary>
    public string? Activate(string by, DateTimeOffset now)
    {
        if (Status != AccessGrantStatus.Approved)
        {
            return Status == AccessGrantStatus.Active
                ? "This grant is active already."
                : $"This grant is {Status}; only an approved grant can be started.";
        }

        (Status, ActivatedBy, ActivatedAt, ActiveUntil) = (AccessGrantStatus.Active, by, now, now.AddHours(DurationHours));
        return null;
    }
}
