using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Web.Pages.Clusters.Support;

/// <summary>A ticket's status badge, the same on every page: what asks something of the customer stands out.</summary>
public static class TicketStatusDisplay
{
    /// <summary>The badge, written inline: a list would otherwise render a partial view for every row.</summary>
    public static IHtmlContent Badge(TicketStatus status) => new HtmlString(
        $"<span class=\"badge {BadgeClass(status)}\" data-ticket-status>{HtmlEncoder.Default.Encode(ZendeskStatuses.Label(status))}</span>");

    private static string BadgeClass(TicketStatus status) => status switch
    {
        TicketStatus.Solved => "text-bg-success",
        TicketStatus.AwaitingYourReply => "text-bg-warning",
        TicketStatus.Submitting => "text-bg-light border",
        _ => "text-bg-secondary",
    };
}
