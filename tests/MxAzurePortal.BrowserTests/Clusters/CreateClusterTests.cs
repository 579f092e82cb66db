using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MxAzurePortal.BrowserTests.Hosting;

namespace MxAzurePortal.BrowserTests.Clusters;

public sealed class CreateClusterTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_Cluster_Manager_creates_a_cluster_passes_preflight_and_watches_it_initialize_live()
    {
        var page = await portal.SignedInPageAsync("manager@contoso.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "New cluster" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/Clusters/New$"));
        await page.SetUpClusterToReviewAsync(
            "browser-made",
            preflight: async report =>
            {
                Assert.Equal(10, await report.Locator("tr[data-check]").CountAsync());
                Assert.Equal(0, await report.Locator("tr[data-check] .text-bg-danger").CountAsync());
            },
            provision: form => form.GetByLabel("AKS tier").SelectOptionAsync("Standard"));
        Assert.Equal(0, await page.GetByRole(AriaRole.Alert).Locator("visible=true").CountAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Initialize cluster" }).ClickAsync();

        await page.WaitForPageAsync(new Regex("/Clusters/[0-9a-f-]{36}$"));
        Assert.Equal("Initializing", await page.Locator(".status-badge").First.TextContentAsync());
        // Progress arrives without a reload: the marker set on this document survives until the run ends.
        await page.EvaluateAsync("window.sameDocument = true");
        // A keyboard user on the page keeps their place while the progress is replaced.
        await page.GetByRole(AriaRole.Link, new() { Name = "Details and log" }).FocusAsync();
        var before = await page.Locator("tr[data-step] .text-bg-success").CountAsync();
        await page.WaitForFunctionAsync("n => document.querySelectorAll('tr[data-step] .text-bg-success').length > n", before, new() { Timeout = 20000 });
        Assert.Equal("Details and log", await page.EvaluateAsync<string?>("document.activeElement?.textContent"));
        // The change is announced through the page's one live region, which stays while the progress is replaced.
        await page.WaitForFunctionAsync("() => document.getElementById('live-announcer')?.textContent.length > 0", null, new() { Timeout = 10000 });
        Assert.Matches(new Regex(@"^(Initialize run running: \d+|Initialize run succeeded: 14) of 14 steps done\.$"),
            await page.Locator("#live-announcer[aria-live=polite]").TextContentAsync());
        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"));
        await page.Locator(".status-badge", new() { HasText = "Initialized" }).WaitForAsync(new() { Timeout = 60000 });
        Assert.Equal(14, await page.Locator("tr[data-step] .text-bg-success").CountAsync());
    }

    [Fact]
    public async Task The_Clusters_list_shows_a_cluster_come_up_without_a_reload()
    {
        var page = await portal.SignedInPageAsync("manager@contoso.example");
        await page.InitializeClusterAsync("list-live");

        await page.GotoAsync("/Clusters");
        var status = page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "list-live" }) }).Locator(".status-badge");
        Assert.Equal("Initializing", await status.TextContentAsync());
        await page.EvaluateAsync("window.sameDocument = true");
        await page.GetByRole(AriaRole.Link, new() { Name = "list-live" }).FocusAsync();

        await page.Locator("tr", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "list-live" }) })
            .Locator(".status-badge", new() { HasText = "Initialized" }).WaitForAsync(new() { Timeout = 60000 });
        Assert.True(await page.EvaluateAsync<bool>("window.sameDocument === true"));
        Assert.Null(await page.Locator("#cluster-rows").GetAttributeAsync("hx-trigger"));
        Assert.Equal("list-live", await page.EvaluateAsync<string?>("document.activeElement?.textContent"));
    }

    [Fact]
    public async Task A_Member_views_a_cluster_but_is_offered_no_way_to_create_rerun_or_delete()
    {
        var page = await portal.SignedInPageAsync("member@contoso.example");

        await page.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).ClickAsync();

        await page.WaitForPageAsync(new Regex("/Clusters/[0-9a-f-]{36}$"));
        Assert.Equal("contoso-prod", await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Rerun" }).CountAsync());
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "Delete" }).CountAsync());
        await page.GotoAsync("/Clusters");
        Assert.Equal(0, await page.GetByRole(AriaRole.Link, new() { Name = "New cluster" }).CountAsync());
        await page.GotoAsync("/Clusters/New");
        Assert.Contains("/Identity/Account/AccessDenied", page.Url, StringComparison.Ordinal);
    }
}
