using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>How a cluster status reads and looks, the same on every page.</summary>
public static class ClusterStatusDisplay
{
    public static string Label(ClusterStatus status) => status switch
    {
        ClusterStatus.ReadyToInitialize => "Ready to initialize",
        ClusterStatus.Initializing => "Initializing",
        ClusterStatus.Initialized => "Initialized",
        ClusterStatus.Failed => "Failed",
        ClusterStatus.Deleting => "Deleting",
        _ => status.ToString(),
    };

    /// <summary>The status badge, written inline: a list would otherwise render a partial view for every row.</summary>
    public static IHtmlContent Badge(ClusterStatus status, string? moreClasses = null) => new HtmlString(
        $"<span class=\"badge status-badge {BadgeClass(status)}{(moreClasses is null ? "" : " " + moreClasses)}\">{HtmlEncoder.Default.Encode(Label(status))}</span>");

    private static string BadgeClass(ClusterStatus status) => status switch
    {
        ClusterStatus.Initialized => "text-bg-success",
        ClusterStatus.Failed => "text-bg-danger",
        ClusterStatus.Initializing or ClusterStatus.Deleting => "text-bg-info",
        _ => "text-bg-secondary",
    };
}
