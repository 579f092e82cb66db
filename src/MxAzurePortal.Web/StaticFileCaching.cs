using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace MxAzurePortal.Web;

/// <summary>
/// Static files linked with <c>asp-append-version</c> carry a hash of their content in <c>?v=</c>: a changed file
/// gets a new URL, so the browser may keep such a response for a year without asking again. Anything requested
/// without the hash is revalidated, so a plain link never serves an old file.
/// </summary>
public static class StaticFileCaching
{
    public const string Versioned = "public, max-age=31536000, immutable";

    public const string Unversioned = "no-cache";

    public static IApplicationBuilder UsePortalStaticFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions { OnPrepareResponse = SetCacheControl });

    private static void SetCacheControl(StaticFileResponseContext context) =>
        context.Context.Response.Headers[HeaderNames.CacheControl] =
            context.Context.Request.Query.ContainsKey("v") ? Versioned : Unversioned;
}
