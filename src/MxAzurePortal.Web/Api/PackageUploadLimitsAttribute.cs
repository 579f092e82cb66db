using Microsoft.AspNetCore.Mvc.Filters;

namespace MxAzurePortal.Web.Api;

/// <summary>
/// Raises a page's request limits to the package limit before the antiforgery check reads the form (both are authorization
/// filters; this one runs first, as <c>RequestFormLimits</c> would, but with the configured size).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class PackageUploadLimitsAttribute : Attribute, IAuthorizationFilter, IOrderedFilter
{
    public int Order => 900;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        if (HttpMethods.IsPost(context.HttpContext.Request.Method))
        {
            PackageUploads.AllowPackageSize(context.HttpContext);
        }
    }
}
