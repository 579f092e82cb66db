using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MxAzurePortal.BrowserTests.Hosting;

namespace MxAzurePortal.BrowserTests.Support;

public sealed class SupportTicketTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_member_opens_a_ticket_follows_it_to_Zendesk_and_sees_the_agents_status_after_Refresh()
    {
        var page = await portal.SignedInPageAsync("member@contoso.example");
        await page.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Support Center" }).ClickAsync();
        await page.WaitForPageAsync(new Regex("/Support$"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Open a Ticket" }).ClickAsync();

        await page.GetByLabel("Subject").FillAsync("Our app returns 502 errors");
        await page.GetByLabel("Description").FillAsync("Since 09:00 every request to the app answers 502.");
        await page.GetByLabel(new Regex("^High")).CheckAsync();
        await page.GetByLabel(new Regex("sharing this cluster's recent logs")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "on its way" }).WaitForAsync();

        var goToTicket = page.GetByRole(AriaRole.Link, new() { Name = "Go to ticket" });
        for (var i = 0; i < 50 && await goToTicket.CountAsync() == 0; i++)
        {
            await Task.Delay(200);
            await page.ReloadAsync();
        }

        var zendesk = await page.Context.RunAndWaitForPageAsync(() => goToTicket.ClickAsync());
        await zendesk.WaitForLoadStateAsync();
        Assert.Equal("Our app returns 502 errors", await zendesk.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync());
        await zendesk.GetByRole(AriaRole.Link, new() { Name = "Open as a Mendix Support agent (sandbox)" }).ClickAsync();
        await zendesk.GetByLabel("Status").SelectOptionAsync("pending");
        await zendesk.GetByLabel("Reply").FillAsync("Could you share the app's name?");
        await zendesk.GetByRole(AriaRole.Button, new() { Name = "Update ticket" }).ClickAsync();
        Assert.Equal("pending", await zendesk.Locator("#status").TextContentAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "Support Tickets" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Refresh" }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = "Our app returns 502 errors" });
        Assert.Equal("Awaiting your reply", await row.Locator("[data-ticket-status]").TextContentAsync());
    }
}
