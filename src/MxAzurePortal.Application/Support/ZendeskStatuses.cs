namespace MxAzurePortal.Application.Support;

/// <summary>
/// How Zendesk's statuses read in the portal: pending (Mendix waits for the customer) is Awaiting your reply; solved
/// and closed are Solved; new, open and hold (Mendix is working on it) are On Hold.
/// </summary>
public static class ZendeskStatuses
{
    public static TicketStatus Map(string zendeskStatus) => zendeskStatus.ToLowerInvariant() switch
    {
        "pending" => TicketStatus.AwaitingYourReply,
        "solved" or "closed" => TicketStatus.Solved,
        _ => TicketStatus.OnHold,
    };

    public static string Label(TicketStatus status) => status switch
    {
        TicketStatus.Submitting => "Submitting",
        TicketStatus.OnHold => "On Hold",
        TicketStatus.AwaitingYourReply => "Awaiting your reply",
        TicketStatus.Solved => "Solved",
        _ => status.ToString(),
    };

    public static string Priority(TicketSeverity severity) => severity switch
    {
        TicketSeverity.Critical => "urgent",
        TicketSeverity.High => "high",
        TicketSeverity.Medium => "normal",
        _ => "low",
    };

    /// <summary>Mendix's first-response targets, shown when choosing a severity.</summary>
    public static string ResponseTarget(TicketSeverity severity) => severity switch
    {
        TicketSeverity.Critical => "first response within 2 office hours",
        TicketSeverity.High => "first response within 8 office hours",
        TicketSeverity.Medium => "first response the next business day",
        _ => "reasonable effort",
    };
}
