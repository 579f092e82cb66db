using MxAzurePortal.Application.Compliance;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>How a control's state reads and looks, on the Compliance page and in its export.</summary>
public static class ControlStateDisplay
{
    public static string Label(ControlState state) => state switch
    {
        ControlState.Compliant => "Compliant",
        ControlState.NonCompliant => "Non-compliant",
        ControlState.Exempt => "Exempt",
        _ => "Unknown",
    };

    public static string BadgeClass(ControlState state) => state switch
    {
        ControlState.Compliant => "text-bg-success",
        ControlState.NonCompliant => "text-bg-danger",
        ControlState.Exempt => "text-bg-info",
        _ => "text-bg-warning",
    };
}
