using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class NodeRulesTests
{
    [Theory]
    [InlineData("Standard_D4s_v5")]
    [InlineData("Standard_D16s_v5")]
    [InlineData("Standard_E4s_v5")]
    [InlineData("Standard_F4s_v2")]
    [InlineData("standard_d8s_v5")]
    public void Accepts_VM_sizes_offered_for_the_system_pool(string size) => RuleAssert.Passes(ClusterRules.NodeVmSize(size));

    [Theory]
    [InlineData("Standard_B4ms", "B-series")]
    [InlineData("Standard_B2s", "B-series")]
    [InlineData("Standard_B2s", "it has 2 vCPUs and a system pool needs at least 4")]
    [InlineData("Standard_D2s_v5", "it has 2 vCPUs and a system pool needs at least 4")]
    [InlineData("Standard_A2_v2", "it has 2 vCPUs")]
    [InlineData("Standard_A1_v2", "it has 2 GiB of memory and a system pool needs at least 4 GiB")]
    [InlineData("standard_b4ms", "Standard_B4ms cannot run the AKS system node pool")]
    public void Explains_why_a_known_size_cannot_run_the_system_pool(string size, string reason) =>
        RuleAssert.Fails(ClusterRules.NodeVmSize(size), "NodeVmSize", reason);

    [Theory]
    [InlineData("Standard_X99")]
    [InlineData("")]
    public void Refuses_unknown_sizes_without_listing_every_offered_one(string size)
    {
        var result = ClusterRules.NodeVmSize(size);

        RuleAssert.Fails(result, "NodeVmSize", $"'{size}'", "choose one of the offered sizes");
        Assert.DoesNotContain("Standard_D8s_v5", result.Errors[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    [InlineData(1000, true)]
    [InlineData(1001, false)]
    [InlineData(0, false)]
    public void Accepts_a_maximum_node_count_from_the_system_pool_minimum_to_the_AKS_pool_limit(int max, bool accepted)
    {
        var result = ClusterRules.MaxNodeCount(max, subnet: null);

        if (accepted)
        {
            RuleAssert.Passes(result);
        }
        else
        {
            RuleAssert.Fails(result, "MaxNodeCount", "between 3", "and 1000", $"{max} is outside");
        }
    }

    [Fact]
    public void Accepts_as_many_nodes_as_the_subnet_holds_and_refuses_one_more()
    {
        var subnet = SubnetPrefix.Parse("192.168.0.0/24");

        RuleAssert.Passes(ClusterRules.MaxNodeCount(7, subnet));
        RuleAssert.Fails(ClusterRules.MaxNodeCount(8, subnet), "MaxNodeCount",
            "At most 7 nodes fit", "192.168.0.0/24 has 251 usable addresses", "8 nodes need (30 pods + 1) x (8 + 1 surge) = 279");
    }
}
