using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;

namespace MxAzurePortal.Web.Pages;

/// <summary>
/// The cookie TempData provider, without its habit of deleting a cookie the browser never had: the layout reads
/// TempData for its status message on every page, and an empty TempData is saved by writing an expired cookie.
/// Every response then carried a <c>Set-Cookie</c>. Now only a request that brought the cookie gets it deleted.
/// </summary>
public sealed class QuietTempDataProvider(CookieTempDataProvider inner, IOptions<CookieTempDataProviderOptions> options) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => inner.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        if (values.Count == 0 && !context.Request.Cookies.ContainsKey(options.Value.Cookie.Name!))
        {
            return;
        }

        inner.SaveTempData(context, values);
    }
}
