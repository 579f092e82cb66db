using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MxAzurePortal.BrowserTests.Hosting;

/// <summary>
/// Waiting for the page a click leads to. A click on a submit button returns once the navigation has committed, so
/// Playwright's WaitForURL finds its URL already there and waits for a load-state event of the new document; on a
/// busy machine it can miss that event and run into its timeout with the page long loaded (CI failed on it, with
/// both "load" and "commit"). These helpers watch the page's URL and then ask the document itself whether it has
/// finished loading, which cannot be missed.
/// </summary>
public static class PageNavigation
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static Task WaitForPageAsync(this IPage page, Regex url) => page.WaitForPageAsync(url.IsMatch);

    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> url)
    {
        var deadline = DateTimeOffset.UtcNow + Timeout;
        while (!url(page.Url))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"The page stayed at {page.Url} for {Timeout.TotalSeconds} s.");
            }

            await Task.Delay(50);
        }

        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = (float)Timeout.TotalMilliseconds });
    }
}
