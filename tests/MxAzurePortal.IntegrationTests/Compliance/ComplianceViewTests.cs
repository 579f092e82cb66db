using System.Globalization;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Compliance;

/// <summary>The Compliance page and its export, read from the simulated Azure Policy of the cluster's own resources.</summary>
public sealed class ComplianceViewTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_controls_of_an_initialized_cluster_are_listed_and_making_Grafana_public_makes_network_exposure_non_compliant()
    {
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var flow = new ClusterFlow(factory, manager);
        var id = await flow.CreateAndInitializeAsync("compliance-view", new Dictionary<string, string> { ["Input.GrafanaAccess"] = "Private" });
        await flow.AssertInitializedAsync(id);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var before = await member.GetDocumentAsync($"/Clusters/{id}/Compliance");
        Assert.Equal(
            [("CC6.1", "Exempt"), ("CC6.6", "Compliant"), ("CC6.7", "Compliant"), ("CC7.1", "Exempt")],
            before.QuerySelectorAll("tr[data-control]").Select(r => (r.GetAttribute("data-control"), r.GetAttribute("data-state"))));
        Assert.Equal(("2", "0", "2"), Counts(before));
        Assert.Equal(["Waiver", "Mitigated"], before.QuerySelectorAll("tr[data-exemption]").Select(r => r.GetAttribute("data-exemption")));
        Assert.Contains("node OS patching through the NodeImage channel", before.QuerySelector("tr[data-exemption=Mitigated]")!.TextContent, StringComparison.Ordinal);
        var group = flow.Arm.Resources.Single(r => r.Id.EndsWith("/rg-compliance-view", StringComparison.OrdinalIgnoreCase));
        var expires = DateTimeOffset.Parse(group.Body["systemData"]!["createdAt"]!.GetValue<string>(), CultureInfo.InvariantCulture).AddDays(365);
        Assert.Contains(expires.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), before.QuerySelector("tr[data-exemption=Waiver]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull((await manager.GetDocumentAsync($"/Clusters/{id}")).QuerySelector($"a[href='/Clusters/{id}/Compliance']"));

        await MakeGrafanaPublicAsync(manager, id);

        var after = await member.GetDocumentAsync($"/Clusters/{id}/Compliance");
        var exposure = after.QuerySelector("tr[data-control='CC6.6']")!;
        Assert.Equal("NonCompliant", exposure.GetAttribute("data-state"));
        var finding = Assert.Single(exposure.QuerySelectorAll("[data-finding]"));
        Assert.Contains("/providers/Microsoft.Dashboard/grafana/grafana-", finding.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("grafanaPublicNetworkAccessDisabled", finding.TextContent, StringComparison.Ordinal);
        Assert.Equal(("1", "1", "2"), Counts(after));
    }

    [Fact]
    public async Task The_CSV_export_is_an_attachment_named_for_the_cluster_with_a_row_per_control()
    {
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var flow = new ClusterFlow(factory, manager);
        var id = await flow.CreateAndInitializeAsync("compliance-csv");
        await flow.AssertInitializedAsync(id);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var link = (await member.GetDocumentAsync($"/Clusters/{id}/Compliance")).QuerySelectorAll<IHtmlAnchorElement>("a")
            .Single(a => a.TextContent.Trim() == "Export CSV").GetAttribute("href")!;

        var response = await member.Client.GetAsync(new Uri(link, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal($"compliance-csv-soc2-compliance-{PortalFactory.Start:yyyy-MM-dd}.csv", disposition.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Cluster,Control,Policy group,State,Resource,", lines[0], StringComparison.Ordinal);
        // Grafana is public by default: network exposure fails on it alone.
        var exposure = Assert.Single(lines, l => l.StartsWith("compliance-csv,CC6.6,", StringComparison.Ordinal));
        Assert.Contains(",Non-compliant,", exposure, StringComparison.Ordinal);
        Assert.Contains("/providers/Microsoft.Dashboard/grafana/grafana-", exposure, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(lines, l => l.StartsWith("compliance-csv,CC7.1,SOC_2_CC7.1,Exempt,,,,Managed by Mendix: node OS patching", StringComparison.Ordinal));
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public async Task Another_organisations_member_gets_404_for_the_page_and_its_export()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "compliance-tenancy");
        var fabrikam = await PortalSession.SignedInAsync(factory, DemoAccounts.FabrikamMember.Email);

        var page = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{id}/Compliance", UriKind.Relative));
        var csv = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{id}/Compliance?handler=Csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, csv.StatusCode);
    }

    [Fact]
    public async Task When_Azure_Policy_cannot_be_read_the_page_and_the_export_say_so_instead_of_failing()
    {
        // The cluster exists only in the portal's database: the simulated Azure has no resource group for it.
        var id = await DemoClusters.AddContosoAsync(factory, "compliance-unreachable");
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);

        var page = await member.GetDocumentAsync($"/Clusters/{id}/Compliance");
        var export = await member.Client.GetAsync(new Uri($"/Clusters/{id}/Compliance?handler=Csv", UriKind.Relative));

        var problem = page.QuerySelector("[data-compliance-problem][role=alert]")!.TextContent;
        Assert.Contains("could not be read", problem, StringComparison.Ordinal);
        Assert.Contains("ResourceGroupNotFound", problem, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("tr[data-control]"));
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Equal("text/html", export.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await PortalSession.ParseAsync(export)).QuerySelector("[data-compliance-problem]"));
    }

    [Fact]
    public async Task A_cluster_not_yet_initialized_has_no_summary_and_Azure_is_not_asked()
    {
        var id = await DemoClusters.AddAsync(factory, DemoAccounts.Contoso, "compliance-ready", ClusterStatus.ReadyToInitialize);
        var member = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoMember.Email);
        var flow = new ClusterFlow(factory, member);
        var before = flow.Arm.Requests.Count(r => r.Path.Contains("/Microsoft.PolicyInsights/", StringComparison.OrdinalIgnoreCase));

        var page = await member.GetDocumentAsync($"/Clusters/{id}/Compliance");

        Assert.Contains("once it is initialized", page.QuerySelector("main [role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelectorAll("a").FirstOrDefault(a => a.TextContent.Trim() == "Export CSV"));
        Assert.Equal(before, flow.Arm.Requests.Count(r => r.Path.Contains("/Microsoft.PolicyInsights/", StringComparison.OrdinalIgnoreCase)));
    }

    private static (string?, string?, string?) Counts(IDocument page) =>
        (page.QuerySelector("[data-count=compliant]")?.TextContent, page.QuerySelector("[data-count=non-compliant]")?.TextContent,
            page.QuerySelector("[data-count=exempt]")?.TextContent);

    /// <summary>Applies Grafana access Public on the Customizations page and waits for the change run to succeed.</summary>
    private async Task MakeGrafanaPublicAsync(PortalSession manager, Guid id)
    {
        var form = (await manager.GetDocumentAsync($"/Clusters/{id}/Customizations"))
            .QuerySelector<IHtmlFormElement>("form[action$='/Customizations/GrafanaAccess']")!;
        var response = await manager.SubmitAsync(form, new Dictionary<string, string> { ["Input.GrafanaAccess"] = "Public" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        for (var i = 0; i < 400; i++)
        {
            var run = await factory.WithDatabaseAsync(db => db.Runs.Where(r => r.ClusterId == id && r.Kind == RunKind.Change)
                .Select(r => (RunStatus?)r.Status).SingleOrDefaultAsync());
            if (run is RunStatus.Succeeded or RunStatus.Failed)
            {
                Assert.Equal(RunStatus.Succeeded, run);
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The Grafana access change did not end in time.");
    }
}
