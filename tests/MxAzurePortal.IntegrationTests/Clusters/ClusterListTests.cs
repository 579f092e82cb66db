using System.Net;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Clusters;

/// <summary>The Clusters list reads its rows again while a cluster is initializing or being deleted, and only then.</summary>
public sealed class ClusterListTests
{
    [Fact]
    public async Task The_list_polls_its_rows_while_a_cluster_initializes_and_stops_once_none_does()
    {
        using var factory = new PortalFactory();
        var ready = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, "list-ready");
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.FabrikamMember.Email);
        var quiet = await member.GetDocumentAsync("/Clusters");
        var starting = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, "list-starting", ClusterStatus.Initializing);

        var polling = await member.GetDocumentAsync("/Clusters");
        var rows = await RowsAsync(member, "/Clusters?handler=Rows");
        await factory.WithDatabaseAsync(async db =>
        {
            (await db.Clusters.FindAsync(starting))!.Status = ClusterStatus.Initialized;
            return await db.SaveChangesAsync();
        });
        var settled = await RowsAsync(member, "/Clusters?handler=Rows");

        Assert.Null(quiet.QuerySelector("#cluster-rows")!.GetAttribute("hx-trigger"));
        var body = polling.QuerySelector("#cluster-rows")!;
        Assert.Equal("every 3s", body.GetAttribute("hx-trigger"));
        Assert.Equal("/Clusters?handler=Rows", body.GetAttribute("hx-get"));
        Assert.Null(rows.QuerySelector("nav, footer, h1"));
        Assert.Equal("every 3s", rows.QuerySelector("#cluster-rows")!.GetAttribute("hx-trigger"));
        Assert.Equal("Initializing", rows.QuerySelector($"tr[data-cluster='{starting}'] .status-badge")!.TextContent);
        Assert.NotNull(rows.QuerySelector($"tr[data-cluster='{ready}']"));
        Assert.Equal("Initialized", settled.QuerySelector($"tr[data-cluster='{starting}'] .status-badge")!.TextContent);
        Assert.Null(settled.QuerySelector("#cluster-rows")!.GetAttribute("hx-trigger"));
    }

    [Fact]
    public async Task A_filtered_list_keeps_its_filter_and_reloads_the_page_once_it_is_left_empty()
    {
        using var factory = new PortalFactory();
        var deleting = await DemoClusters.AddAsync(factory, DemoAccounts.Fabrikam, "list-deleting", ClusterStatus.Deleting);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.FabrikamMember.Email);

        var filtered = await member.GetDocumentAsync("/Clusters?status=Deleting");
        await factory.WithDatabaseAsync(async db =>
        {
            db.Clusters.Remove((await db.Clusters.FindAsync(deleting))!);
            return await db.SaveChangesAsync();
        });
        var empty = await member.Client.GetAsync(new Uri("/Clusters?handler=Rows&status=Deleting", UriKind.Relative));

        Assert.Equal("/Clusters?status=Deleting&handler=Rows", filtered.QuerySelector("#cluster-rows")!.GetAttribute("hx-get"));
        Assert.Equal(HttpStatusCode.NoContent, empty.StatusCode);
        Assert.Equal("true", Assert.Single(empty.Headers.GetValues("HX-Refresh")));
    }

    // The rows come without their table, which an HTML parser would drop; they are read inside one.
    private static async Task<AngleSharp.Dom.IDocument> RowsAsync(PortalSession session, string path)
    {
        var response = await session.Client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new AngleSharp.Html.Parser.HtmlParser().ParseDocument($"<table>{await response.Content.ReadAsStringAsync()}</table>");
    }
}
