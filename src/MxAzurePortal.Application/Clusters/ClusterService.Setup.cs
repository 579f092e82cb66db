using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters.Preflight;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Runs;

namespace MxAzurePortal.Application.Clusters;

/// <summary>The first step of the guided flow: where the cluster goes.</summary>
public sealed record NewCluster(string Name, string SubscriptionId, string ResourceGroup, bool CreateResourceGroup, string Region);

public sealed partial class ClusterService
{
    /// <summary>Records a new cluster, Ready to initialize, with sensible defaults for everything not yet chosen.</summary>
    public async Task<(RuleResult Result, Guid? Id)> CreateAsync(NewCluster input, CancellationToken cancellationToken)
    {
        var rules = RuleResult.Combine(
            ClusterRules.ClusterName(input.Name),
            ClusterRules.SubscriptionId(input.SubscriptionId),
            ClusterRules.ResourceGroupName(input.ResourceGroup),
            ClusterRules.Region(input.Region));
        if (!rules.IsValid)
        {
            return (rules, null);
        }

        if (await MendixOnKubernetesDownAsync(cancellationToken) is { } down)
        {
            return (down, null);
        }

        if (await db.Clusters.AnyAsync(c => c.Name == input.Name, cancellationToken))
        {
            return (RuleResult.Fail(nameof(NewCluster.Name), $"Your organisation has a cluster named '{input.Name}' already; choose another name."), null);
        }

        var cluster = new Cluster
        {
            OrganisationId = user.OrganisationId ?? throw new InvalidOperationException("Only members of an organisation create clusters."),
            Name = input.Name,
            Region = input.Region,
            Settings = new ClusterSettings
            {
                SubscriptionId = input.SubscriptionId.ToLowerInvariant(),
                ResourceGroup = input.ResourceGroup,
                CreateResourceGroup = input.CreateResourceGroup,
                Region = input.Region,
            },
        };
        db.Clusters.Add(cluster);
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "ClusterCreated",
            $"Cluster {cluster.Name} set up for subscription {input.SubscriptionId}, resource group {input.ResourceGroup} " +
            $"({(input.CreateResourceGroup ? "new" : "existing")}), region {input.Region}.");
        await db.SaveChangesAsync(cancellationToken);
        return (RuleResult.Ok, cluster.Id);
    }

    /// <summary>Changes what the cluster will be, until initialization starts; the subnet is fixed after that.</summary>
    public async Task<RuleResult> ProvisionAsync(Guid id, ClusterSettings settings, int version, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cluster is null || cluster.Status != ClusterStatus.ReadyToInitialize)
        {
            return RuleResult.Fail("", "These settings can only be chosen before initialization; the cluster has been initialized already.");
        }

        // Where the cluster goes was chosen in the first step and stays.
        settings = settings with
        {
            SubscriptionId = cluster.Settings.SubscriptionId,
            ResourceGroup = cluster.Settings.ResourceGroup,
            CreateResourceGroup = cluster.Settings.CreateResourceGroup,
            Region = cluster.Settings.Region,
        };
        var rules = ClusterRules.All(settings, ClusterNames.PortalManagedTags);
        if (!rules.IsValid)
        {
            return rules;
        }

        cluster.Settings = settings;
        cluster.PreflightReport = null;
        return await SaveVersionedAsync(cluster, version, cancellationToken);
    }

    public async Task<PreflightReport?> RunPreflightAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cluster is null)
        {
            return null;
        }

        var report = await preflight.RunAsync(new ClusterNames(cluster.Id, cluster.Name, cluster.Settings),
            user.AzurePrincipal ?? user.UserId ?? "", cancellationToken);
        cluster.PreflightReport = JsonSerializer.Serialize(report);
        await db.SaveChangesAsync(cancellationToken);
        return report;
    }

    /// <summary>Runs the pre-flight checks on the final settings and, when none fails, starts the initialization run.</summary>
    public async Task<RuleResult> InitializeAsync(Guid id, int version, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (cluster is null || cluster.Status != ClusterStatus.ReadyToInitialize)
        {
            return RuleResult.Fail("", "Only a cluster that is Ready to initialize can be initialized; use Rerun after a failure.");
        }

        if (await MendixOnKubernetesDownAsync(cancellationToken) is { } down)
        {
            return down;
        }

        var report = await preflight.RunAsync(new ClusterNames(cluster.Id, cluster.Name, cluster.Settings),
            user.AzurePrincipal ?? user.UserId ?? "", cancellationToken);
        cluster.PreflightReport = JsonSerializer.Serialize(report);
        if (report.Blocks)
        {
            await db.SaveChangesAsync(cancellationToken);
            return RuleResult.From(report.Checks.Where(c => c.Outcome == CheckOutcome.Failed)
                .Select(c => new RuleError("", $"Pre-flight check '{c.Name}' failed: {c.Explanation}")));
        }

        Start(cluster, RunPlanner.Initialize(cluster, Requester, user.UserId), ClusterStatus.Initializing);
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "InitializationStarted",
            $"Initialization started by {Requester}: AKS {cluster.Settings.AksTier} with {cluster.Settings.NodeVmSize} (up to " +
            $"{cluster.Settings.MaxNodeCount} nodes), PostgreSQL {cluster.Settings.PostgresSku}, subnet {cluster.Settings.SubnetPrefix}.");
        return await SaveVersionedAsync(cluster, version, cancellationToken);
    }

    private string Requester => user.DisplayName ?? user.UserId ?? "unknown";

    private async Task<RuleResult?> MendixOnKubernetesDownAsync(CancellationToken cancellationToken)
    {
        var status = await mendixOnKubernetes.GetAvailabilityAsync(cancellationToken);
        return status.Available
            ? null
            : RuleResult.Fail("", $"Mendix on Kubernetes is unavailable ({status.Detail}), so clusters cannot be created or " +
                                  "initialized right now. Existing clusters keep working. Try again later.");
    }

    private async Task<RuleResult> SaveVersionedAsync(Cluster cluster, int version, CancellationToken cancellationToken)
    {
        if (cluster.Version != version)
        {
            return Stale;
        }

        cluster.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return RuleResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
    }

    private static RuleResult Stale => RuleResult.Fail("",
        "Someone else changed this cluster meanwhile (an edit, or a run started). Nothing was saved: reload the page to see where it stands.");
}
