using Microsoft.Playwright;
using MxAzurePortal.BrowserTests.Hosting;

namespace MxAzurePortal.BrowserTests.Support;

/// <summary>
/// A ticket's subject or a tag's value may be one unbroken word of 150 or 256 characters (a pasted id or address): no
/// page grows wider than a phone's screen for it.
/// </summary>
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

    [Fact]
    public async Task A_tag_value_without_spaces_wraps_on_the_review_at_a_phones_width()
    {
        var value = string.Concat(Enumerable.Repeat("0123456789abcdef", 16));
        var page = await portal.SignedInPageAsync("manager@contoso.example");

        await page.SetUpClusterToReviewAsync("long-tag", provision: async form =>
        {
            await form.GetByLabel("Tag 1 name").FillAsync("trace");
            await form.GetByLabel("Tag 1 value").FillAsync(value);
        });
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();

        Assert.Contains(value, await page.Locator("main").TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal(await page.EvaluateAsync<int>("() => document.documentElement.clientWidth"), await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
    }
}
