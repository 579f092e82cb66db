using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Web.Pages.Clusters.Support;

/// <summary>The colour of a ticket's status badge: what asks something of the customer stands out.</summary>
public static class TicketStatusDisplay
{
    public static string BadgeClass(TicketStatus status) => status switch
    {
        TicketStatus.Solved => "text-bg-success",
        TicketStatus.AwaitingYourReply => "text-bg-warning",
        TicketStatus.Submitting => "text-bg-light border",
        _ => "text-bg-secondary",
    };
}
