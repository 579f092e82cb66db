using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Updates;

/// <summary>A release rolled out when its date came: the runs, Azure's side, the outcomes and what people see.</summary>
public sealed class ReleaseRolloutTests(RolledOutPortal portal) : IClassFixture<RolledOutPortal>
{
    private Guid A => portal.Clusters["upd-a"];

    private Guid Drift => portal.Clusters["upd-drift"];

    [Fact]
    public async Task Nothing_rolls_out_before_the_date_and_each_initialized_cluster_gets_exactly_one_update_run_though_two_instances_rolled_out_at_once()
    {
        Assert.Equal(0, portal.QueuedBeforeT0);
        Assert.Equal(3, portal.QueuedAtT0.Sum());
        Assert.Equal(0, await RolledOutPortal.RollOutAsync(portal.First));

        var runs = await portal.First.WithDatabaseAsync(db => db.Runs.Where(r => r.Kind == RunKind.Update)
            .GroupBy(r => r.ClusterId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(
            new[] { portal.Clusters["upd-a"], portal.Clusters["upd-b"], Drift }.Order(),
            runs.Select(r => r.Key).Order());
        Assert.All(runs, r => Assert.Equal(1, r.Count));
        Assert.Equal(5, await portal.First.WithDatabaseAsync(db => db.ClusterUpdates.CountAsync(u => u.ReleaseId == portal.ReleaseId)));
        Assert.NotNull(await portal.First.WithDatabaseAsync(db => db.ServiceReleases.Where(r => r.Id == portal.ReleaseId).Select(r => r.CompletedAt).SingleAsync()));
    }

    [Fact]
    public async Task Initialization_installed_the_baseline_and_the_update_upgrades_Kubernetes_then_the_extensions_through_ARM()
    {
        var aks = portal.Azure.Requests.Where(r => r.Method == "PUT" && r.Path.EndsWith("/upd-a-aks", StringComparison.Ordinal)).ToList();
        Assert.Equal(ComponentVersions.Baseline.Kubernetes, JsonNode.Parse(aks[0].Body!)!["properties"]!["kubernetesVersion"]!.GetValue<string>());

        // AKS's PATCH changes tags alone and its node pools have none: the upgrade PUTs the control plane, then the pool,
        // each as read with the new version. The extensions take a PATCH of just their version.
        var changes = portal.Azure.Requests.Where(r => r.Method is "PUT" or "PATCH" && r.Path.Contains("/managedClusters/upd-a-aks", StringComparison.Ordinal))
            .SkipWhile(r => r != aks[^1]).ToList();
        Assert.Equal(["PUT /upd-a-aks", "PUT /system", "PATCH /mendix-operator", "PATCH /mendix-agent"],
            changes.Select(r => $"{r.Method} /{r.Path.Split('/')[^1]}"));
        Assert.Equal("1.32.4", JsonNode.Parse(changes[0].Body!)!["properties"]!["kubernetesVersion"]!.GetValue<string>());
        Assert.Equal("1.32.4", JsonNode.Parse(changes[1].Body!)!["properties"]!["orchestratorVersion"]!.GetValue<string>());
        Assert.Equal("""{"properties":{"version":"2.22.0","autoUpgradeMinorVersion":false}}""", changes[2].Body);
        Assert.Equal("1.32.4", Resource("/upd-a-aks")["properties"]!["kubernetesVersion"]!.GetValue<string>());
        Assert.Equal("1.32.4", Resource("/upd-a-aks/agentPools/system")["properties"]!["orchestratorVersion"]!.GetValue<string>());
        Assert.Equal("2.22.0", Resource("/upd-a-aks/providers/Microsoft.KubernetesConfiguration/extensions/mendix-agent")["properties"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Succeeded_clusters_have_the_new_versions_and_the_one_Azure_refused_is_Failed_with_its_error()
    {
        var outcomes = await portal.First.WithDatabaseAsync(db => db.ClusterUpdates.Where(u => u.ReleaseId == portal.ReleaseId)
            .Select(u => new { u.ClusterId, u.Status, u.Error, u.FromKubernetesVersion, u.FinishedAt, u.Cluster!.KubernetesVersion, u.Cluster.OperatorVersion, u.Cluster.AgentVersion })
            .ToDictionaryAsync(u => u.ClusterId));

        foreach (var name in new[] { "upd-a", "upd-b" })
        {
            var ok = outcomes[portal.Clusters[name]];
            Assert.Equal(UpdateStatus.Succeeded, ok.Status);
            Assert.Equal(RolledOutPortal.Q2, new ComponentVersions(ok.KubernetesVersion!, ok.OperatorVersion!, ok.AgentVersion!));
            Assert.Equal(ComponentVersions.Baseline.Kubernetes, ok.FromKubernetesVersion);
            Assert.NotNull(ok.FinishedAt);
        }

        var failed = outcomes[Drift];
        Assert.Equal(UpdateStatus.Failed, failed.Status);
        Assert.Contains("OperationNotAllowed", failed.Error, StringComparison.Ordinal);
        Assert.Contains("Upgrading Kubernetes version 1.30.9 to 1.32.4 is not allowed", failed.Error, StringComparison.Ordinal);
        Assert.Equal(ComponentVersions.Baseline, new ComponentVersions(failed.KubernetesVersion!, failed.OperatorVersion!, failed.AgentVersion!));
        Assert.DoesNotContain(portal.Azure.Requests, r => r.Method == "PATCH" && r.Path.Contains("/upd-drift-aks/", StringComparison.Ordinal));

        var activity = await portal.First.WithDatabaseAsync(db => db.ActivityEntries.Where(e => e.Action.StartsWith("Update"))
            .Select(e => new { e.ClusterId, e.Action, e.Summary }).ToListAsync());
        Assert.Contains(activity, e => e.ClusterId == A && e.Action == "UpdateStarted" && e.Summary.Contains("2026 Q2", StringComparison.Ordinal));
        Assert.Contains(activity, e => e.ClusterId == A && e.Action == "UpdateSucceeded" && e.Summary.Contains("→ Kubernetes 1.32.4", StringComparison.Ordinal));
        Assert.Contains(activity, e => e.ClusterId == Drift && e.Action == "UpdateFailed" && e.Summary.Contains("OperationNotAllowed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Clusters_not_initialized_or_failed_are_recorded_Skipped_with_the_reason()
    {
        var skipped = await portal.First.WithDatabaseAsync(db => db.ClusterUpdates.Where(u => u.Status == UpdateStatus.Skipped)
            .ToDictionaryAsync(u => u.ClusterId, u => (u.Error, u.RunId)));

        Assert.Contains("Not initialized yet", skipped[portal.Clusters["upd-new"]].Error, StringComparison.Ordinal);
        Assert.Contains("Failed status", skipped[portal.Clusters["upd-failed"]].Error, StringComparison.Ordinal);
        Assert.All(skipped.Values, s => Assert.Null(s.RunId));
    }

    [Fact]
    public async Task Staff_see_the_outcome_on_each_cluster_with_counts()
    {
        var support = await PortalSession.SignedInAsync(portal.First, DemoAccounts.SupportEngineer.Email);

        var page = await support.GetDocumentAsync($"/Admin/Releases/{portal.ReleaseId}");

        Assert.Equal("Rolled out", page.QuerySelector("[data-testid=release-state]")!.TextContent.Trim());
        var counts = page.QuerySelector("[data-testid=release-counts]")!.TextContent;
        Assert.Contains("2 succeeded", counts, StringComparison.Ordinal);
        Assert.Contains("1 failed", counts, StringComparison.Ordinal);
        Assert.Contains("2 skipped", counts, StringComparison.Ordinal);
        Assert.Contains("OperationNotAllowed", page.QuerySelector($"tr[data-cluster='{Drift}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Failed", page.QuerySelector($"tr[data-cluster='{Drift}']")!.GetAttribute("data-status"));
    }

    [Fact]
    public async Task The_customer_sees_the_policy_the_installed_versions_and_past_and_upcoming_updates()
    {
        var admin = await PortalSession.SignedInAsync(portal.First, DemoAccounts.Administrator.Email);
        // The refused cluster stays on 1.31.2, so the next release may not skip to 1.33.
        var skip = await PortalSession.ParseAsync(await Releases.PublishAsync(admin, "2026 Q3", "1.33.0", "2.23.0", new DateOnly(2026, 6, 1)));
        Assert.Contains("skip minor version 1.32 for clusters on 1.31.2", skip.QuerySelector("[data-valmsg-for='Input.KubernetesVersion']")!.TextContent, StringComparison.Ordinal);
        await Releases.PublishedAsync(admin, "2026 Q3", "1.32.6", "2.23.0", new DateOnly(2026, 6, 1));
        var member = await PortalSession.SignedInAsync(portal.First, DemoAccounts.ContosoMember.Email);

        var overview = (await member.GetDocumentAsync($"/Clusters/{A}")).QuerySelector("#service-updates")!;
        var updates = await member.GetDocumentAsync($"/Clusters/{A}/Updates");
        var drift = await member.GetDocumentAsync($"/Clusters/{Drift}/Updates");

        Assert.Contains("1.32.4", overview.QuerySelector("[data-testid=installed-versions]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026 Q3", overview.QuerySelector("[data-testid=next-update]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("2026-06-01", overview.QuerySelector("[data-testid=next-update]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("NodeImage", overview.TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot be changed", overview.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Clusters/{A}/Updates", overview.QuerySelector("a[href$='/Updates']")!.GetAttribute("href"));
        Assert.Contains("Scheduled", updates.QuerySelector("[data-testid=upcoming-updates] tr[data-release='2026 Q3']")!.TextContent, StringComparison.Ordinal);
        // Each cluster sees its own outcome of a release, once: not another cluster's.
        Assert.Single(updates.QuerySelectorAll("tr[data-release='2026 Q2']"));
        Assert.Single(drift.QuerySelectorAll("tr[data-release='2026 Q2']"));
        Assert.Single(updates.QuerySelectorAll("tr[data-release='2026 Q3']"));
        var past = updates.QuerySelector("[data-testid=past-updates] tr[data-release='2026 Q2']")!;
        Assert.Equal("Succeeded", past.GetAttribute("data-status"));
        Assert.Contains("Kubernetes 1.31.2", past.TextContent, StringComparison.Ordinal);
        var failed = drift.QuerySelector("[data-testid=past-updates] tr[data-release='2026 Q2']")!;
        Assert.Equal("Failed", failed.GetAttribute("data-status"));
        Assert.Contains("OperationNotAllowed", failed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_organisation_gets_404_for_the_clusters_updates()
    {
        var fabrikam = await PortalSession.SignedInAsync(portal.First, DemoAccounts.FabrikamMember.Email);

        var response = await fabrikam.Client.GetAsync(new Uri($"/Clusters/{A}/Updates", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private JsonObject Resource(string idEnd) => portal.Azure.Resources.Single(r => r.Id.EndsWith(idEnd, StringComparison.Ordinal)).Body;
}
