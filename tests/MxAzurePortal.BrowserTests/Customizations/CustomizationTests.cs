using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MxAzurePortal.BrowserTests.Hosting;

namespace MxAzurePortal.BrowserTests.Customizations;

public sealed class CustomizationTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_Cluster_Manager_changes_the_AKS_tier_and_a_tag_and_sees_both_succeed()
    {
        var page = await portal.SignedInPageAsync("manager@contoso.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).ClickAsync();
        await page.Locator(".status-badge", new() { HasText = "Initialized" }).WaitForAsync(new() { Timeout = 60000 });
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Customizations" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/Customizations$"));

        await page.GetByRole(AriaRole.Combobox, new() { Name = "AKS tier" }).SelectOptionAsync("Standard");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply tier" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "queued" }).WaitForAsync();
        await page.Locator("#tier-heading + p strong", new() { HasText = "Standard" }).WaitForAsync(new() { Timeout = 30000 });

        await page.GetByLabel("Tag 2 name").FillAsync("team");
        await page.GetByLabel("Tag 2 value").FillAsync("apps");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply tags" }).ClickAsync();
        await page.Locator("tr[data-change] a", new() { HasText = "Succeeded" }).Nth(1).WaitForAsync(new() { Timeout = 30000 });

        var changes = await page.Locator("#changes").TextContentAsync();
        Assert.Contains("AKS tier Free → AKS tier Standard", changes, StringComparison.Ordinal);
        Assert.Contains("team=apps", changes, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("tr[data-change] .text-danger").CountAsync());
    }
}
