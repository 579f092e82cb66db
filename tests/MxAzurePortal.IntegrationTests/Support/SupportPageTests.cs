using MxAzurePortal.Application.Support;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Support;

/// <summary>The Support page: what waits for the organisation's reply, and each of its clusters' open tickets.</summary>
public sealed class SupportPageTests
{
    [Fact]
    public async Task The_Support_page_lists_the_tickets_awaiting_a_reply_and_counts_each_clusters_open_ones_of_its_own_organisation_only()
    {
        using var factory = new PortalFactory();
        var busy = await DemoClusters.AddContosoAsync(factory, "support-busy");
        var calm = await DemoClusters.AddContosoAsync(factory, "support-calm");
        var elsewhere = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, "support-elsewhere");
        var awaiting = await WithStatusAsync(factory, busy, "Which node pool restarts?", TicketStatus.AwaitingYourReply);
        await WithStatusAsync(factory, busy, "Ingress answers 502", TicketStatus.OnHold);
        await WithStatusAsync(factory, busy, "Slow deployments", TicketStatus.Submitting);
        await WithStatusAsync(factory, busy, "Certificate renewed", TicketStatus.Solved);
        await WithStatusAsync(factory, elsewhere, "Fabrikam's question", TicketStatus.AwaitingYourReply);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var page = await member.GetDocumentAsync("/Support");

        var listed = page.QuerySelectorAll("[data-testid=awaiting-reply] li[data-ticket]");
        var only = Assert.Single(listed);
        Assert.Equal($"/Clusters/{busy}/Support/{awaiting}", only.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("on support-busy", only.TextContent, StringComparison.Ordinal);
        string[] Cells(Guid cluster) => [.. page.QuerySelectorAll($"tr[data-cluster='{cluster}'] td").Select(td => td.TextContent.Trim())];
        Assert.Equal(["support-busy", "westeurope", "3", "1"], Cells(busy));
        Assert.Equal(["support-calm", "westeurope", "0", "–"], Cells(calm));
        Assert.Empty(Cells(elsewhere));
        Assert.DoesNotContain("Fabrikam's question", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_nothing_awaiting_the_page_says_so()
    {
        using var factory = new PortalFactory();
        var cluster = await DemoClusters.AddContosoAsync(factory, "support-quiet");
        await WithStatusAsync(factory, cluster, "Solved long ago", TicketStatus.Solved);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var page = await member.GetDocumentAsync("/Support");

        Assert.Contains("No ticket waits for your reply.", page.QuerySelector("[data-testid=awaiting-reply]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("0", page.QuerySelectorAll($"tr[data-cluster='{cluster}'] td")[2].TextContent);
    }

    private static async Task<Guid> WithStatusAsync(PortalFactory factory, Guid cluster, string subject, TicketStatus status)
    {
        var id = await DemoClusters.AddTicketAsync(factory, cluster, subject);
        await factory.WithDatabaseAsync(async db =>
        {
            (await db.SupportTickets.FindAsync(id))!.Status = status;
            return await db.SaveChangesAsync();
        });
        return id;
    }
}
