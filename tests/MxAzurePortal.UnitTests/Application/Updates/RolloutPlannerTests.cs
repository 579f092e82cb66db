using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.UnitTests.Application.Updates;

public sealed class RolloutPlannerTests
{
    private static readonly ComponentVersions Q4 = new("1.32.4", "2.22.0", "2.22.0");

    private static RolloutCandidate Cluster(ClusterStatus status = ClusterStatus.Initialized, bool busy = false,
        string? kubernetes = "1.31.2", string? @operator = "2.21.1", string? agent = "2.21.1") =>
        new(status, busy, kubernetes, @operator, agent);

    [Fact]
    public void A_cluster_behind_gets_Kubernetes_then_the_Operator_then_the_Agent()
    {
        var plan = Assert.IsType<RolloutDecision.Update>(RolloutPlanner.Decide(Q4, Cluster()));

        Assert.Equal(
            [(RolloutPlanner.Kubernetes, ""), (RolloutPlanner.Operator, RolloutPlanner.Kubernetes), (RolloutPlanner.Agent, RolloutPlanner.Operator)],
            plan.Steps.Select(s => (s.Key, s.DependsOn)));
    }

    [Fact]
    public void Only_the_components_that_change_get_a_step()
    {
        var plan = Assert.IsType<RolloutDecision.Update>(RolloutPlanner.Decide(Q4, Cluster(kubernetes: "1.32.4", agent: "2.22.0")));

        var step = Assert.Single(plan.Steps);
        Assert.Equal((RolloutPlanner.Operator, ""), (step.Key, step.DependsOn));
    }

    [Fact]
    public void A_cluster_with_unrecorded_versions_gets_every_step() =>
        Assert.Equal(3, Assert.IsType<RolloutDecision.Update>(RolloutPlanner.Decide(Q4, Cluster(kubernetes: null, @operator: null, agent: null))).Steps.Count);

    [Theory]
    [InlineData(ClusterStatus.Initialized, true)]
    [InlineData(ClusterStatus.Initializing, false)]
    [InlineData(ClusterStatus.Deleting, false)]
    public void A_busy_cluster_waits_for_a_later_pass(ClusterStatus status, bool busy) =>
        Assert.IsType<RolloutDecision.Wait>(RolloutPlanner.Decide(Q4, Cluster(status, busy)));

    [Theory]
    [InlineData(ClusterStatus.ReadyToInitialize, "Not initialized yet")]
    [InlineData(ClusterStatus.Failed, "Failed status")]
    public void Uninitialized_and_failed_clusters_are_skipped_with_the_reason(ClusterStatus status, string reason) =>
        Assert.Contains(reason, Assert.IsType<RolloutDecision.Skip>(RolloutPlanner.Decide(Q4, Cluster(status))).Reason, StringComparison.Ordinal);

    [Fact]
    public void A_cluster_on_the_release_already_is_skipped() =>
        Assert.Contains("already", Assert.IsType<RolloutDecision.Skip>(
            RolloutPlanner.Decide(Q4, Cluster(kubernetes: "1.32.4", @operator: "2.22.0", agent: "2.22.0"))).Reason, StringComparison.Ordinal);

    [Fact]
    public void Each_step_changes_just_the_version_and_Kubernetes_moves_the_control_plane_then_the_pool()
    {
        var names = new ClusterNames(Guid.NewGuid(), "contoso", new ClusterSettings { SubscriptionId = "s", ResourceGroup = "rg", Region = "westeurope" }) { Versions = Q4 };

        var kubernetes = RolloutPlanner.Requests(RolloutPlanner.Kubernetes, names, "system2");
        var @operator = Assert.Single(RolloutPlanner.Requests(RolloutPlanner.Operator, names, "system2"));
        var agent = Assert.Single(RolloutPlanner.Requests(RolloutPlanner.Agent, names, "system2"));

        Assert.Equal(
            [
                (names.Aks, AzureOperation.Patch, """{"properties":{"kubernetesVersion":"1.32.4"}}"""),
                (names.Aks + "/agentPools/system2", AzureOperation.Patch, """{"properties":{"orchestratorVersion":"1.32.4"}}"""),
            ],
            kubernetes.Select(r => (r.ResourceId, r.Operation, r.Properties!.ToJsonString())));
        Assert.Equal(names.Extension("mendix-operator"), @operator.ResourceId);
        Assert.Equal("""{"properties":{"version":"2.22.0","autoUpgradeMinorVersion":false}}""", @operator.Properties!.ToJsonString());
        Assert.Equal(names.Extension("mendix-agent"), agent.ResourceId);
        Assert.Equal(AzureOperation.Patch, agent.Operation);
    }
}
