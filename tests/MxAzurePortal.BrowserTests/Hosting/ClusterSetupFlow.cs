using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MxAzurePortal.BrowserTests.Hosting;

public static class ClusterSetupFlow
{
    /// <summary>
    /// Creates a cluster through New cluster, passes its pre-flight checks and Provision, and stops at its review;
    /// returns the review's path. The callbacks look at the pre-flight report and change settings on Provision.
    /// </summary>
    public static async Task<string> SetUpClusterToReviewAsync(
        this IPage page, string name, Func<IPage, Task>? preflight = null, Func<IPage, Task>? provision = null)
    {
        await page.GotoAsync("/Clusters/New");
        await page.GetByLabel("Cluster name").FillAsync(name);
        await page.GetByLabel("Azure subscription id").FillAsync("0d1e2f3a-4b5c-4d6e-8f7a-9b0c1d2e3f4a");
        await page.GetByLabel("Resource group name").FillAsync($"rg-{name}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to pre-flight checks" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/Preflight$"));
        if (preflight is not null)
        {
            await preflight(page);
        }

        await page.GetByRole(AriaRole.Link, new() { Name = "Continue to Provision" }).ClickAsync();
        if (provision is not null)
        {
            await provision(page);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and review" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/Review$"));
        return new Uri(page.Url).AbsolutePath;
    }

    /// <summary>Sets a cluster up to its review and starts its initialization; returns the Overview's path it lands on.</summary>
    public static async Task<string> InitializeClusterAsync(this IPage page, string name)
    {
        await page.SetUpClusterToReviewAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Initialize cluster" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/Clusters/[0-9a-f-]{36}$"));
        return new Uri(page.Url).AbsolutePath;
    }
}
