using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MxAzurePortal.BrowserTests.Hosting;

/// <summary>
/// Waiting for the page a click leads to. Playwright's WaitForURL also waits for the new document's "load" event,
/// and on a busy machine it can miss that event when it fires while the URL is being compared (the wait then runs
/// into its timeout although the page is there). These helpers wait for the URL to commit and then ask the
/// document itself whether it has finished loading, which cannot be missed.
/// </summary>
public static class PageNavigation
{
    public static Task WaitForPageAsync(this IPage page, Regex url) => page.WaitForPageAsync(url.IsMatch);

    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> url)
    {
        await page.WaitForURLAsync(url, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }
}
