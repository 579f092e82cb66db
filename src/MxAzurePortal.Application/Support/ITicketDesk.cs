namespace MxAzurePortal.Application.Support;

/// <summary>Where Mendix Support works on tickets (Zendesk). Every call may fail with an outage; callers retry.</summary>
public interface ITicketDesk
{
    /// <summary>The desk tickets created for a portal ticket id; normally none or one.</summary>
    Task<IReadOnlyList<DeskTicket>> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken);

    /// <summary>Uploads an attachment and answers the token a new ticket's comment refers to.</summary>
    Task<string> UploadAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken);

    /// <summary>Creates the ticket; the idempotency key makes a repeated create answer the first ticket.</summary>
    Task<DeskTicket> CreateAsync(NewDeskTicket ticket, string idempotencyKey, CancellationToken cancellationToken);

    /// <summary>Up to <see cref="MaxTicketsPerRead"/> tickets by id, in one call.</summary>
    Task<IReadOnlyList<DeskTicket>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken);

    /// <summary>The page of tickets changed since the cursor (or since <paramref name="startTime"/> on the first call).</summary>
    Task<DeskExportPage> ExportChangesAsync(string? cursor, DateTimeOffset startTime, CancellationToken cancellationToken);

    /// <summary>Where the requester reads the ticket in the desk.</summary>
    Uri RequesterLink(long ticketId);

    /// <summary>Where Mendix Support work on the ticket in the desk.</summary>
    Uri AgentLink(long ticketId);

    public const int MaxTicketsPerRead = 100;
}

public sealed record NewDeskTicket(
    string ExternalId,
    string Subject,
    string Body,
    string Priority,
    string RequesterName,
    string? RequesterEmail,
    IReadOnlyList<string> Tags,
    IReadOnlyList<string> UploadTokens);

public sealed record DeskTicket(long Id, string? ExternalId, string Status, DateTimeOffset UpdatedAt);

public sealed record DeskExportPage(IReadOnlyList<DeskTicket> Tickets, string? AfterCursor, bool EndOfStream);
