namespace MxAzurePortal.Web.Pages;

public static class HtmxResponses
{
    /// <summary>
    /// Asks htmx to load the whole page again: a polled fragment whose work has ended, when what that work changed is
    /// outside the fragment.
    /// </summary>
    public static void RefreshWholePage(this HttpResponse response) => response.Headers["HX-Refresh"] = "true";
}
