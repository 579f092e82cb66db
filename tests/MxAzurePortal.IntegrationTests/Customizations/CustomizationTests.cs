using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Customizations;

/// <summary>Each allowed customization through its real form: the ARM calls it makes and what the portal keeps.</summary>
public sealed class CustomizationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task AKS_tier_is_a_PUT_of_the_read_cluster_with_the_new_tier_and_Premium_switches_the_support_plan()
    {
        var (flow, id) = await InitializedAsync("cust-tier");

        await ApplyAsync(id, "AksTier", new() { ["Input.AksTier"] = "Premium" });

        // AKS's PATCH changes tags alone, so the change is the cluster as read, with the new tier, PUT back whole.
        var put = LastRequest(flow, "PUT", "/managedClusters/cust-tier-aks");
        Assert.Equal("2025-10-01", put.ApiVersion);
        var body = JsonNode.Parse(put.Body!)!;
        Assert.Equal("Premium", body["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("AKSLongTermSupport", body["properties"]!["supportPlan"]!.GetValue<string>());
        Assert.Equal("cust-tier", body["properties"]!["dnsPrefix"]!.GetValue<string>());
        var stored = flow.Arm.Resources.Single(r => r.Id.EndsWith("/managedClusters/cust-tier-aks", StringComparison.Ordinal)).Body;
        Assert.Equal("Premium", stored["sku"]!["tier"]!.GetValue<string>());
        Assert.Contains("\"AksTier\":\"Premium\"", await SettingsAsync(id), StringComparison.Ordinal);
        var activity = await factory.WithDatabaseAsync(db => db.ActivityEntries.Where(a => a.ClusterId == id && a.Action.StartsWith("Customization"))
            .OrderBy(a => a.Id).Select(a => a.Action + ": " + a.Summary).ToListAsync());
        Assert.Contains(activity, a => a.StartsWith("CustomizationRequested", StringComparison.Ordinal) && a.Contains("Casey Manager", StringComparison.Ordinal)
            && a.Contains("AKS tier Free → AKS tier Premium", StringComparison.Ordinal));
        Assert.Contains(activity, a => a.StartsWith("CustomizationApplied", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tags_replace_the_tags_of_every_resource_and_the_node_pool_keeping_the_portals_own()
    {
        var (flow, id) = await InitializedAsync("cust-tags");

        await ApplyAsync(id, "Tags", new() { ["Input.Tags[0].Name"] = "team", ["Input.Tags[0].Value"] = "apps" });

        var tagPuts = flow.Arm.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith("/providers/Microsoft.Resources/tags/default", StringComparison.Ordinal)).ToList();
        Assert.True(tagPuts.Count >= 10, $"{tagPuts.Count} tag PUTs");
        Assert.All(tagPuts, put =>
        {
            var tags = JsonNode.Parse(put.Body!)!["properties"]!["tags"]!;
            Assert.Equal("apps", tags["team"]!.GetValue<string>());
            Assert.Equal("cust-tags", tags["mx-cluster"]!.GetValue<string>());
        });
        var pool = LastRequest(flow, "PUT", "/managedClusters/cust-tags-aks/agentPools/system");
        Assert.Equal("apps", JsonNode.Parse(pool.Body!)!["properties"]!["tags"]!["team"]!.GetValue<string>());
        Assert.Equal("apps", flow.Arm.Resources.Single(r => r.Id.EndsWith("/cust-tags-aks", StringComparison.Ordinal)).Body["tags"]!["team"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tag_the_portal_manages_cannot_be_overwritten()
    {
        var (flow, id) = await InitializedAsync("cust-managed");
        var before = flow.Arm.Requests.Count;

        var page = await ApplyRefusedAsync(id, "Tags", new() { ["Input.Tags[0].Name"] = "MX-Cluster", ["Input.Tags[0].Value"] = "mine" });

        Assert.Contains("managed by the portal", page.QuerySelector("[aria-labelledby=tags-heading] [role=alert], [aria-labelledby=tags-heading] .text-danger")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await ChangeRunsAsync(id));
        Assert.Equal(before, flow.Arm.Requests.Count);
    }

    [Fact]
    public async Task A_tag_name_given_twice_is_refused_instead_of_keeping_one_value_silently()
    {
        var (flow, id) = await InitializedAsync("cust-twice");
        var before = flow.Arm.Requests.Count;

        var page = await ApplyRefusedAsync(id, "Tags", new()
        {
            ["Input.Tags[0].Name"] = "team", ["Input.Tags[0].Value"] = "apps",
            ["Input.Tags[1].Name"] = "team", ["Input.Tags[1].Value"] = "platform",
        });

        Assert.Contains("The tag name 'team' appears more than once", page.QuerySelector("[aria-labelledby=tags-heading] [role=alert], [aria-labelledby=tags-heading] .text-danger")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ChangeRunsAsync(id));
        Assert.Equal(before, flow.Arm.Requests.Count);
    }

    [Fact]
    public async Task A_new_VM_size_adds_a_pool_then_drains_and_deletes_the_old_one()
    {
        var (flow, id) = await InitializedAsync("cust-vm");

        await ApplyAsync(id, "NodeVmSize", new() { ["Input.NodeVmSize"] = "Standard_D8s_v5" });

        var add = LastRequest(flow, "PUT", "/managedClusters/cust-vm-aks/agentPools/system2");
        Assert.Equal("Standard_D8s_v5", JsonNode.Parse(add.Body!)!["properties"]!["vmSize"]!.GetValue<string>());
        var delete = LastRequest(flow, "DELETE", "/managedClusters/cust-vm-aks/agentPools/system");
        Assert.True(flow.Arm.Requests.ToList().IndexOf(delete) > flow.Arm.Requests.ToList().IndexOf(add));
        Assert.DoesNotContain(flow.Arm.Resources, r => r.Id.EndsWith("/cust-vm-aks/agentPools/system", StringComparison.Ordinal));
        Assert.Equal("system2", await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.NodePoolName).SingleAsync()));
        var log = await factory.WithDatabaseAsync(db => db.RunStepLogs.Where(l => l.Message.Contains("Cordoning")).CountAsync());
        Assert.True(log >= 1);
    }

    [Fact]
    public async Task A_pool_a_failed_VM_size_change_left_is_removed_by_the_next_one_under_a_new_name()
    {
        var (flow, id) = await InitializedAsync("cust-drain");
        const string Pools = "Microsoft.ContainerService/managedClusters/agentPools";
        flow.Arm.Options.FailDeletes[Pools] = 1;

        // The new pool is added, the old one will not drain: the change fails and both pools run.
        await ApplyAsync(id, "NodeVmSize", new() { ["Input.NodeVmSize"] = "Standard_D8s_v5" }, expectSuccess: false);
        Assert.Equal("system", await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.NodePoolName).SingleAsync()));
        Assert.Contains(flow.Arm.Resources, r => r.Id.EndsWith("/cust-drain-aks/agentPools/system2", StringComparison.Ordinal));
        var page = await session.GetDocumentAsync($"/Clusters/{id}/Customizations");
        Assert.Equal("system2", page.QuerySelector("[data-leftover-pools] code")?.TextContent);

        // Another size: a PUT of it onto system2 would be refused (a pool's VM size is fixed), so it goes to system3,
        // and both older pools are removed.
        await ApplyAsync(id, "NodeVmSize", new() { ["Input.NodeVmSize"] = "Standard_D16s_v5" });

        Assert.Equal("Standard_D16s_v5", JsonNode.Parse(LastRequest(flow, "PUT", "/managedClusters/cust-drain-aks/agentPools/system3").Body!)!["properties"]!["vmSize"]!.GetValue<string>());
        var pools = flow.Arm.Resources.Where(r => r.Id.Contains("/cust-drain-aks/agentPools/", StringComparison.Ordinal)).Select(r => r.Id.Split('/')[^1]).ToList();
        Assert.Equal(["system3"], pools);
        Assert.Null((await session.GetDocumentAsync($"/Clusters/{id}/Customizations")).QuerySelector("[data-leftover-pools]"));
        Assert.Equal("system3", await factory.WithDatabaseAsync(db => db.Clusters.Where(c => c.Id == id).Select(c => c.NodePoolName).SingleAsync()));
    }

    [Theory]
    [InlineData("2", "between 3")]
    [InlineData("1001", "1000")]
    [InlineData("32", "At most 31 nodes fit")]
    public async Task Max_node_count_outside_the_pool_or_subnet_limits_is_refused_with_the_reason(string max, string reason)
    {
        var (_, id) = await InitializedAsync("cust-max-" + max);

        var page = await ApplyRefusedAsync(id, "MaxNodeCount", new() { ["Input.MaxNodeCount"] = max });

        Assert.Contains(reason, page.QuerySelector("[data-valmsg-for='Input.MaxNodeCount']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(0, await ChangeRunsAsync(id));
    }

    [Fact]
    public async Task Max_node_count_within_the_limits_is_a_PUT_of_the_pool()
    {
        var (flow, id) = await InitializedAsync("cust-max-ok");

        await ApplyAsync(id, "MaxNodeCount", new() { ["Input.MaxNodeCount"] = "31" });

        Assert.Equal(31, JsonNode.Parse(LastRequest(flow, "PUT", "/agentPools/system").Body!)!["properties"]!["maxCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_raised_storage_tier_cannot_be_lowered_within_12_hours_and_ARM_says_so_too()
    {
        var (flow, id) = await InitializedAsync("cust-pg");
        await ApplyAsync(id, "Postgres", new() { ["Input.PostgresSku"] = "MemoryOptimized|Standard_E4ds_v5", ["Input.StoragePerformanceTier"] = "P30" });
        var patch = LastRequest(flow, "PATCH", "/flexibleServers/cust-pg-pg-");
        Assert.Equal("2025-08-01", patch.ApiVersion);
        Assert.Equal("""{"sku":{"name":"Standard_E4ds_v5","tier":"MemoryOptimized"},"properties":{"storage":{"tier":"P30"}}}""", patch.Body);

        var refused = await ApplyRefusedAsync(id, "Postgres", new() { ["Input.PostgresSku"] = "MemoryOptimized|Standard_E4ds_v5", ["Input.StoragePerformanceTier"] = "P15" });
        Assert.Contains("lowering it from", refused.QuerySelector("[data-valmsg-for='Input.StoragePerformanceTier']")!.TextContent, StringComparison.Ordinal);

        // Past the portal's clock the portal allows it; Azure's own clock has not moved, and ARM refuses with its message.
        factory.Clock.Advance(TimeSpan.FromHours(12));
        session = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        await ApplyAsync(id, "Postgres", new() { ["Input.PostgresSku"] = "MemoryOptimized|Standard_E4ds_v5", ["Input.StoragePerformanceTier"] = "P15" }, expectSuccess: false);
        var page = await session.GetDocumentAsync($"/Clusters/{id}/Customizations");
        Assert.Contains("StoragePerformanceTierDowngradeNotAllowed", page.QuerySelector("[aria-labelledby=changes-heading]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"StoragePerformanceTier\":\"P30\"", await SettingsAsync(id), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Internal_exposure_needs_confirmation_then_patches_the_operator()
    {
        var (flow, id) = await InitializedAsync("cust-lb");

        var refused = await ApplyRefusedAsync(id, "LoadBalancer", new() { ["Input.LoadBalancer"] = "Internal" });
        Assert.Contains("reachable only from your private network", refused.QuerySelector("[aria-labelledby=lb-heading]")!.TextContent, StringComparison.Ordinal);
        await ApplyAsync(id, "LoadBalancer", new() { ["Input.LoadBalancer"] = "Internal", ["Input.Confirmed"] = "true" });

        var patch = LastRequest(flow, "PATCH", "/extensions/mendix-operator");
        Assert.Equal("internal", JsonNode.Parse(patch.Body!)!["properties"]!["configurationSettings"]!["mendix.loadBalancer"]!.GetValue<string>());
    }

    [Fact]
    public async Task Grafana_access_is_a_PATCH_and_an_ARM_failure_is_shown_with_nothing_changed()
    {
        var (flow, id) = await InitializedAsync("cust-grafana");
        flow.Arm.Options.FailPuts["Microsoft.Dashboard/grafana"] = 1;

        await ApplyAsync(id, "GrafanaAccess", new() { ["Input.GrafanaAccess"] = "Private" }, expectSuccess: false);
        var page = await session.GetDocumentAsync($"/Clusters/{id}/Customizations");
        Assert.Contains("Failed", page.QuerySelector("[aria-labelledby=changes-heading]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("InternalServerError", page.QuerySelector("[aria-labelledby=changes-heading]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("\"GrafanaAccess\":\"Public\"", await SettingsAsync(id), StringComparison.Ordinal);

        await ApplyAsync(id, "GrafanaAccess", new() { ["Input.GrafanaAccess"] = "Private" });
        Assert.Equal("""{"properties":{"publicNetworkAccess":"Disabled"}}""", LastRequest(flow, "PATCH", "/grafana/grafana-").Body);
    }

    private PortalSession session = null!;

    private async Task<(ClusterFlow Flow, Guid Id)> InitializedAsync(string name)
    {
        session = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var flow = new ClusterFlow(factory, session);
        var id = await flow.CreateAndInitializeAsync(name);
        await flow.AssertInitializedAsync(id);
        return (flow, id);
    }

    private async Task ApplyAsync(Guid id, string customization, Dictionary<string, string> values, bool expectSuccess = true)
    {
        var earlier = await factory.WithDatabaseAsync(db => db.Runs.Where(r => r.ClusterId == id && r.Kind == RunKind.Change).Select(r => r.Id).ToListAsync());
        var form = (await session.GetDocumentAsync($"/Clusters/{id}/Customizations"))
            .QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>($"form[action$='/Customizations/{customization}']")!;
        var response = await session.SubmitAsync(form, values);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Apply {customization} answered {(int)response.StatusCode}: "
            + (await PortalSession.ParseAsync(response)).QuerySelector("[role=alert]")?.TextContent);
        var status = await WaitForChangeAsync(id, earlier);
        Assert.Equal(expectSuccess ? RunStatus.Succeeded : RunStatus.Failed, status);
    }

    private async Task<IDocument> ApplyRefusedAsync(Guid id, string customization, Dictionary<string, string> values)
    {
        var form = (await session.GetDocumentAsync($"/Clusters/{id}/Customizations"))
            .QuerySelector<AngleSharp.Html.Dom.IHtmlFormElement>($"form[action$='/Customizations/{customization}']")!;
        var response = await session.SubmitAsync(form, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await PortalSession.ParseAsync(response);
    }

    /// <summary>Waits for the change run that is not among <paramref name="earlier"/>.</summary>
    private async Task<RunStatus> WaitForChangeAsync(Guid id, List<Guid> earlier)
    {
        for (var i = 0; i < 400; i++)
        {
            var run = await factory.WithDatabaseAsync(db => db.Runs.Where(r => r.ClusterId == id && r.Kind == RunKind.Change && !earlier.Contains(r.Id))
                .Select(r => (RunStatus?)r.Status).SingleOrDefaultAsync());
            if (run is RunStatus.Succeeded or RunStatus.Failed)
            {
                return run.Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The change did not finish.");
    }

    private Task<int> ChangeRunsAsync(Guid id) => factory.WithDatabaseAsync(db => db.Runs.CountAsync(r => r.ClusterId == id && r.Kind == RunKind.Change));

    private Task<string> SettingsAsync(Guid id) =>
        factory.WithDatabaseAsync(db => db.Database.SqlQuery<string>($"SELECT Settings AS Value FROM Clusters WHERE Id = {id}").SingleAsync());

    private static MxAzurePortal.Sandbox.Arm.ArmRequestRecord LastRequest(ClusterFlow flow, string method, string pathPart) =>
        flow.Arm.Requests.Last(r => r.Method == method && r.Path.Contains(pathPart, StringComparison.Ordinal));
}
