namespace MxAzurePortal.Application.Support;

/// <summary>Where a periodic sync left off (Zendesk's incremental export cursor), shared by all portal instances.</summary>
public sealed class SyncCursor
{
    public const string ZendeskTickets = "zendesk-tickets";

    public required string Key { get; set; }

    public string? Cursor { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Raised with every save; the instance that read an older one gives way (a concurrency token).</summary>
    public int Version { get; set; }
}
