using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Admin;

/// <summary>The staff's view across customers: metadata, searched, filtered and paged; the queue; every ticket.</summary>
public sealed class AdminViewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_cluster_list_searches_filters_by_status_and_pages_across_organisations()
    {
        var fleet = "fleet" + Guid.NewGuid().ToString("N")[..5];
        for (var i = 0; i < 60; i++)
        {
            await DemoClusters.AddAsync(factory, i % 2 == 0 ? DemoAccounts.Contoso : DemoAccounts.Fabrikam, $"{fleet}-{i:D2}",
                i % 10 == 0 ? ClusterStatus.Failed : ClusterStatus.Initialized);
        }

        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var first = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}");
        var second = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}&p=2");
        var failed = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}&status=Failed");
        var literal = await staff.GetDocumentAsync($"/Admin/Clusters?q={fleet}%25");

        Assert.Equal($"60 clusters · page 1 of 2", first.QuerySelector("[data-testid=cluster-count]")!.TextContent);
        Assert.Equal(50, first.QuerySelectorAll("tr[data-cluster]").Length);
        Assert.Equal($"{fleet}-00", first.QuerySelector("tr[data-cluster] th")!.TextContent.Trim());
        Assert.Equal(10, second.QuerySelectorAll("tr[data-cluster]").Length);
        Assert.Equal($"{fleet}-59", second.QuerySelectorAll("tr[data-cluster] th").Last().TextContent.Trim());
        Assert.Equal(6, failed.QuerySelectorAll("tr[data-cluster]").Length);
        Assert.All(failed.QuerySelectorAll("tr[data-cluster]"), row => Assert.Contains("Failed", row.TextContent, StringComparison.Ordinal));
        Assert.Contains(DemoAccounts.Fabrikam, first.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Contoso, first.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(literal.QuerySelectorAll("tr[data-cluster]"));
    }

    [Fact]
    public async Task A_clusters_metadata_page_shows_no_settings_without_a_grant()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "meta-" + Guid.NewGuid().ToString("N")[..6]);
        var settings = await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == cluster).Select(c => c.Settings).SingleAsync());
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var page = (await staff.GetDocumentAsync($"/Admin/Clusters/{cluster}")).Body!.TextContent;

        Assert.Contains(DemoAccounts.Contoso, page, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.SubscriptionId, page, StringComparison.Ordinal);
        Assert.DoesNotContain(settings.ResourceGroup, page, StringComparison.Ordinal);
        Assert.Contains("No active access grant", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_shows_failed_clusters_and_open_automatic_tickets_and_every_ticket_links_to_Zendesk()
    {
        var failed = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, "queue-" + Guid.NewGuid().ToString("N")[..6], ClusterStatus.Failed);
        var subject = "Initialization failed twice " + Guid.NewGuid().ToString("N")[..6];
        var ticket = await DemoClusters.AddTicketAsync(factory, failed, subject, automatic: true);
        var zendeskId = await factory.WithDatabaseAsync(db => db.SupportTickets.Where(t => t.Id == ticket).Select(t => t.ZendeskTicketId).SingleAsync());
        var staff = await PortalSession.SignedInAsync(factory, DemoAccounts.SupportEngineer.Email);

        var admin = await staff.GetDocumentAsync("/Admin");
        var tickets = await staff.GetDocumentAsync($"/Admin/Tickets?q={Uri.EscapeDataString(subject)}");

        Assert.NotNull(admin.QuerySelector($"[data-testid=failed-queue] a[href='/Admin/Clusters/{failed}']"));
        Assert.Contains(subject, admin.Body!.TextContent, StringComparison.Ordinal);
        var row = tickets.QuerySelector($"tr[data-ticket='{ticket}']")!;
        Assert.EndsWith($"/agent/tickets/{zendeskId}", row.QuerySelector("a[target=_blank]")!.GetAttribute("href"), StringComparison.Ordinal);
        Assert.Contains(DemoAccounts.Fabrikam, row.TextContent, StringComparison.Ordinal);
    }
}
