using Microsoft.AspNetCore.Mvc;

namespace MxAzurePortal.Web.Pages;

/// <summary>
/// Links for the rows of a long list. An <c>asp-page</c> link asks the router to generate a URL for every row; a
/// list of 50 rows spends more on that than on its query. The URL is generated once, with <see cref="Guid.Empty"/>
/// where the row's id goes, and each row's link is that template with its id in place.
/// </summary>
public static class RowLinks
{
    private static readonly string Placeholder = Guid.Empty.ToString();

    /// <param name="url">The page's URL helper.</param>
    /// <param name="pageName">The page the rows link to.</param>
    /// <param name="routeValues">Its route values, with <see cref="Guid.Empty"/> for the value each row fills in.</param>
    public static Func<Guid, string> RowLink(this IUrlHelper url, string pageName, object routeValues)
    {
        var template = url.Page(pageName, routeValues)
            ?? throw new InvalidOperationException($"No route to {pageName} with the given values.");
        if (!template.Contains(Placeholder, StringComparison.Ordinal))
        {
            throw new ArgumentException("The route values must hold Guid.Empty where each row's id goes.", nameof(routeValues));
        }

        return id => template.Replace(Placeholder, id.ToString(), StringComparison.Ordinal);
    }
}
