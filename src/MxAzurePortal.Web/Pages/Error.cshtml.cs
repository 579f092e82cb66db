using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MxAzurePortal.Web.Pages;

/// <summary>Shown for unhandled errors (with a request id to quote) and for error status codes.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Something went wrong";

    public string Explanation { get; private set; } = "The portal could not complete your request. Nothing you entered was lost; please try again.";

    public string? RequestId { get; private set; }

    public void OnGet(int? statusCode) => Describe(statusCode);

    public void OnPost(int? statusCode) => Describe(statusCode);

    private void Describe(int? statusCode)
    {
        switch (statusCode)
        {
            case StatusCodes.Status404NotFound:
                Title = "Page not found";
                Explanation = "There is nothing at this address, or it is not yours to see.";
                return;
            case StatusCodes.Status400BadRequest:
                Title = "Request not accepted";
                Explanation = "The request was incomplete or had expired. Go back, reload the page and try again.";
                return;
            case >= 400 and < 500:
                Title = "Request not accepted";
                Explanation = "The portal could not accept this request.";
                return;
            default:
                RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
                return;
        }
    }
}
