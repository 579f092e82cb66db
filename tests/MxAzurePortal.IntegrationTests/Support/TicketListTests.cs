using MxAzurePortal.Application.Support;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using MxAzurePortal.Web.Pages.Clusters;

namespace MxAzurePortal.IntegrationTests.Support;

/// <summary>A cluster's tickets are read a page at a time, however many it has gathered.</summary>
public sealed class TicketListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Support_Tickets_are_paged_newest_first_and_the_Overview_shows_the_latest_few()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "ticket-pages");
        var count = TicketService.PageSize + 7;
        for (var i = 0; i < count; i++)
        {
            await DemoClusters.AddTicketAsync(factory, id, $"Ticket {i:00}");
            factory.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var first = await member.GetDocumentAsync($"/Clusters/{id}/Support");
        var second = await member.GetDocumentAsync($"/Clusters/{id}/Support?p=2");
        var beyond = await member.GetDocumentAsync($"/Clusters/{id}/Support?p=2147483647");
        var overview = await member.GetDocumentAsync($"/Clusters/{id}");

        string[] Subjects(AngleSharp.Dom.IDocument page, string selector) => [.. page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim())];
        var firstSubjects = Subjects(first, "tr[data-ticket] td:first-child a");
        Assert.Equal(TicketService.PageSize, firstSubjects.Length);
        Assert.Equal($"Ticket {count - 1:00}", firstSubjects[0]);
        Assert.Contains(first.QuerySelectorAll("a"), a => a.TextContent == "Older");
        Assert.DoesNotContain(first.QuerySelectorAll("a"), a => a.TextContent == "Newer");

        var secondSubjects = Subjects(second, "tr[data-ticket] td:first-child a");
        Assert.Equal(Enumerable.Range(0, 7).Reverse().Select(i => $"Ticket {i:00}"), secondSubjects);
        Assert.Contains(second.QuerySelectorAll("a"), a => a.TextContent == "Newer");
        Assert.DoesNotContain(second.QuerySelectorAll("a"), a => a.TextContent == "Older");
        Assert.Empty(firstSubjects.Intersect(secondSubjects));

        Assert.Empty(beyond.QuerySelectorAll("tr[data-ticket]"));
        Assert.Contains(beyond.QuerySelectorAll("a"), a => a.TextContent == "Newer");

        var latest = overview.QuerySelectorAll("#support-center li[data-ticket] > a").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(Enumerable.Range(count - OverviewModel.LatestTickets, OverviewModel.LatestTickets).Reverse().Select(i => $"Ticket {i:00}"), latest);
        Assert.Contains(overview.QuerySelectorAll("#support-center a"), a => a.TextContent == "All support tickets of this cluster");
    }

    [Fact]
    public async Task The_Overviews_Support_Center_opens_a_ticket_and_links_each_ticket_with_its_status()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "support-center");
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var empty = await member.GetDocumentAsync($"/Clusters/{id}");
        var ticket = await DemoClusters.AddTicketAsync(factory, id, "Ingress answers 502");
        var one = await member.GetDocumentAsync($"/Clusters/{id}");

        Assert.Equal($"/Clusters/{id}/Support/New", empty.QuerySelector("#support-center a.btn")!.GetAttribute("href"));
        Assert.Contains("No support tickets", empty.QuerySelector("#support-center")!.TextContent, StringComparison.Ordinal);
        var row = one.QuerySelector($"#support-center li[data-ticket='{ticket}']")!;
        Assert.Equal($"/Clusters/{id}/Support/{ticket}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("On Hold", row.QuerySelector("[data-ticket-status]")!.TextContent);
        Assert.Contains(one.QuerySelectorAll("#support-center a"), a => a.TextContent == "All support tickets of this cluster");
        Assert.Equal($"/Clusters/{id}/Support/New", one.QuerySelector("#support-center a.btn")!.GetAttribute("href"));
    }
}
