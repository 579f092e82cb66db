using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Updates;

namespace MxAzurePortal.UnitTests.Application.Clusters.Provisioning;

public sealed class ClusterBlueprintTests
{
    private static readonly ClusterNames Names = new(Guid.NewGuid(), "contoso", new ClusterSettings { SubscriptionId = "s", ResourceGroup = "rg", Region = "westeurope" })
    {
        Versions = new ComponentVersions("1.32.4", "2.22.0", "2.23.1"),
    };

    [Fact]
    public void The_AKS_cluster_gets_the_release_Kubernetes_version_and_only_node_image_auto_upgrades()
    {
        var aks = Assert.Single(ClusterBlueprint.Step(ClusterBlueprint.Aks).Requests(Names)).Properties!;

        Assert.Equal("1.32.4", aks["kubernetesVersion"]!.GetValue<string>());
        Assert.Equal("none", aks["autoUpgradeProfile"]!["upgradeChannel"]!.GetValue<string>());
        Assert.Equal("NodeImage", aks["autoUpgradeProfile"]!["nodeOSUpgradeChannel"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(ClusterBlueprint.Operator, "2.22.0")]
    [InlineData(ClusterBlueprint.Agent, "2.23.1")]
    public void The_extensions_are_pinned_to_the_release_version(string step, string version)
    {
        var extension = Assert.Single(ClusterBlueprint.Step(step).Requests(Names)).Properties!;

        Assert.Equal(version, extension["version"]!.GetValue<string>());
        Assert.False(extension["autoUpgradeMinorVersion"]!.GetValue<bool>());
    }

    [Fact]
    public void Without_versions_nothing_is_pinned()
    {
        var unversioned = Names with { Versions = null };

        Assert.Null(Assert.Single(ClusterBlueprint.Step(ClusterBlueprint.Aks).Requests(unversioned)).Properties!["kubernetesVersion"]);
        Assert.Null(Assert.Single(ClusterBlueprint.Step(ClusterBlueprint.Operator).Requests(unversioned)).Properties!["version"]);
    }
}
