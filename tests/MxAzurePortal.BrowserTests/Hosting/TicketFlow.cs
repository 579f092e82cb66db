using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace MxAzurePortal.BrowserTests.Hosting;

public static class TicketFlow
{
    /// <summary>
    /// From the Clusters list, opens a ticket on contoso-prod through its Support Center with consent to share the
    /// cluster's logs, and waits for the portal to say it is on its way to Mendix Support.
    /// </summary>
    public static async Task OpenTicketOnContosoProdAsync(this IPage page, string subject, string description)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "contoso-prod" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Support Center" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open a Ticket" }).ClickAsync();
        await page.GetByLabel("Subject").FillAsync(subject);
        await page.GetByLabel("Description").FillAsync(description);
        await page.GetByLabel(new Regex("sharing this cluster's recent logs")).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open ticket" }).ClickAsync();
        await page.GetByRole(AriaRole.Status).Filter(new() { HasText = "on its way" }).WaitForAsync();
    }
}
