using Microsoft.Playwright;
using MxAzurePortal.BrowserTests.Hosting;

namespace MxAzurePortal.BrowserTests.Support;

/// <summary>A ticket's subject may be one unbroken word of 150 characters (a pasted id or URL): no page grows wider than a phone's screen for it.</summary>
public sealed class LongTextTests(BrowserPortal portal) : IClassFixture<BrowserPortal>
{
    [Fact]
    public async Task A_subject_without_spaces_wraps_on_every_page_that_shows_it_at_a_phones_width()
    {
        var subject = "ErrorId:" + string.Concat(Enumerable.Repeat("0123456789abcdef", 9))[..142];
        var customer = await portal.SignedInPageAsync("manager@contoso.example");
        await customer.OpenTicketOnContosoProdAsync(subject, "The log names this id and nothing else.");
        var ticket = new Uri(customer.Url).AbsolutePath;
        var overview = ticket[..ticket.IndexOf("/Support", StringComparison.Ordinal)];
        var staff = await portal.SignedInPageAsync("support@mendix.example");
        await staff.GotoAsync("/Admin/Tickets");
        await staff.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        var staffTicket = new Uri(staff.Url).AbsolutePath;

        var wider = new List<string>();
        foreach (var (page, path) in new[] { (customer, overview), (customer, ticket), (customer, "/Support"), (staff, staffTicket) })
        {
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync(path);
            var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            var client = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
            if (scroll > client)
            {
                wider.Add($"{path}: {scroll} px wide on a {client} px screen");
            }
        }

        Assert.Empty(wider);
    }
}
