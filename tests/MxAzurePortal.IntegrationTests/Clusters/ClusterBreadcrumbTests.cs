using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Clusters;

/// <summary>Every page of a cluster leads back to the Clusters list and to the cluster's Overview.</summary>
public sealed class ClusterBreadcrumbTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Each_page_of_a_cluster_has_a_breadcrumb_through_the_Clusters_list_and_the_cluster()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "crumbs");
        var ticket = await DemoClusters.AddTicketAsync(factory, id);
        var run = await DemoClusters.AddRunAsync(factory, id);
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        string[] pages =
        [
            "Support", "Support/New", $"Support/{ticket}", "Activity", "Access", "Environments", "Compliance", "Customizations",
            "Updates", $"Runs/{run}", "Delete",
        ];

        foreach (var page in pages)
        {
            var document = await manager.GetDocumentAsync($"/Clusters/{id}/{page}");
            var links = document.QuerySelectorAll("nav[aria-label=Breadcrumb] a").Select(a => a.GetAttribute("href")).Take(2);
            Assert.True(links.SequenceEqual(["/Clusters", $"/Clusters/{id}"]), $"{page}: {string.Join(", ", links)}");
        }
    }

    [Fact]
    public async Task The_Delete_page_counts_the_tickets_that_go_with_the_cluster_and_says_nothing_of_none()
    {
        var none = await DemoClusters.AddContosoAsync(factory, "delete-none");
        var one = await DemoClusters.AddContosoAsync(factory, "delete-one");
        var two = await DemoClusters.AddContosoAsync(factory, "delete-two");
        await DemoClusters.AddTicketAsync(factory, one);
        await DemoClusters.AddTicketAsync(factory, two);
        await DemoClusters.AddTicketAsync(factory, two);
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);

        async Task<string> WarningAsync(Guid id) => (await manager.GetDocumentAsync($"/Clusters/{id}/Delete")).QuerySelector(".alert-warning")!.TextContent;

        Assert.DoesNotContain("ticket", await WarningAsync(none), StringComparison.Ordinal);
        Assert.Contains("Its support ticket is deleted from the portal.", await WarningAsync(one), StringComparison.Ordinal);
        Assert.Contains("All 2 of its support tickets are deleted from the portal.", await WarningAsync(two), StringComparison.Ordinal);
    }
}
