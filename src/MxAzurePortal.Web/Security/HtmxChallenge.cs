namespace MxAzurePortal.Web.Security;

/// <summary>
/// A fragment htmx polls (a run's progress, a deployment's jobs) may meet an ended session. Redirected to the sign-in
/// page, the browser's request would follow and htmx would put the sign-in page inside the fragment. Such a request
/// is answered instead with <c>HX-Redirect</c> to the page the browser shows, whose ordinary load then signs in
/// (or shows access denied) and comes back to it.
/// </summary>
public static class HtmxChallenge
{
    /// <summary>Answers an htmx request for the whole page and returns true; returns false for any other request.</summary>
    public static bool RedirectWholePage(HttpContext context, int statusCode)
    {
        if (!string.Equals(context.Request.Headers["HX-Request"], "true", StringComparison.Ordinal))
        {
            return false;
        }

        context.Response.StatusCode = statusCode;
        context.Response.Headers["HX-Redirect"] = CurrentPage(context.Request);

        // htmx follows the header and never shows the body, so the error page is not rendered for it.
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        return true;
    }

    // Only the path and query of the page are kept, and only when they cannot be read as another site's address.
    private static string CurrentPage(HttpRequest request) =>
        Uri.TryCreate(request.Headers["HX-Current-URL"], UriKind.Absolute, out var current)
        && current.PathAndQuery is ['/', not ('/' or '\\'), ..] or "/" ? current.PathAndQuery : "/";
}
