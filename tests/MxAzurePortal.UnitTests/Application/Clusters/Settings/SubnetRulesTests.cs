using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class SubnetRulesTests
{
    [Theory]
    [InlineData("169.254.0.0/16", "169.254.0.0/16")]
    [InlineData("169.254.128.0/24", "169.254.0.0/16")]
    [InlineData("169.0.0.0/8", "169.254.0.0/16")]
    [InlineData("172.30.0.0/16", "172.30.0.0/16")]
    [InlineData("172.30.255.240/28", "172.30.0.0/16")]
    [InlineData("172.31.0.0/16", "172.31.0.0/16")]
    [InlineData("172.16.0.0/12", "172.31.0.0/16")]
    [InlineData("192.0.2.0/24", "192.0.2.0/24")]
    [InlineData("192.0.0.0/16", "192.0.2.0/24")]
    [InlineData("0.0.0.0/22", "0.0.0.0/8")]
    [InlineData("127.0.0.0/8", "127.0.0.0/8")]
    [InlineData("224.0.0.0/8", "224.0.0.0/4")]
    [InlineData("239.255.255.0/24", "224.0.0.0/4")]
    [InlineData("255.255.255.0/24", "240.0.0.0/4")]
    public void Rejects_ranges_that_overlap_what_Azure_reserves_or_AKS_cannot_use(string cidr, string reserved) =>
        RuleAssert.Fails(ClusterRules.SubnetPrefixFor(cidr, 3), "SubnetPrefix", $"{cidr} overlaps {reserved}");

    [Fact]
    public void Reports_both_AKS_ranges_a_wide_prefix_covers()
    {
        var result = ClusterRules.SubnetPrefixFor("172.30.0.0/15", 3);

        RuleAssert.Fails(result, "SubnetPrefix", "172.30.0.0/16");
        RuleAssert.Fails(result, "SubnetPrefix", "172.31.0.0/16");
    }

    [Theory]
    [InlineData("169.255.0.0/16")]
    [InlineData("172.32.0.0/16")]
    [InlineData("192.0.3.0/24")]
    [InlineData("1.0.0.0/8")]
    [InlineData("128.0.0.0/8")]
    [InlineData("10.1.0.0/16")]
    [InlineData("11.0.0.0/8")]
    [InlineData("192.168.0.0/22")]
    public void Accepts_ranges_next_to_but_outside_the_reserved_ones(string cidr) =>
        RuleAssert.Passes(ClusterRules.SubnetPrefixFor(cidr, 3));

    [Theory]
    [InlineData("10.0.0.0/22")]
    [InlineData("10.0.255.0/24")]
    [InlineData("10.0.0.0/8")]
    public void Rejects_ranges_that_overlap_the_clusters_Kubernetes_service_addresses(string cidr) =>
        RuleAssert.Fails(ClusterRules.SubnetPrefixFor(cidr, 3), "SubnetPrefix", $"{cidr} overlaps 10.0.0.0/16, the range the cluster's Kubernetes services get");

    [Theory]
    [InlineData("172.29.0.0/16", "172.30.0.0/27", "172.30.0.0/16")]
    [InlineData("169.253.0.0/16", "169.254.0.0/27", "169.254.0.0/16")]
    [InlineData("192.0.1.0/24", "192.0.2.0/27", "192.0.2.0/24")]
    [InlineData("126.0.0.0/8", "127.0.0.0/27", "127.0.0.0/8")]
    [InlineData("223.255.255.0/24", "224.0.0.0/27", "224.0.0.0/4")]
    [InlineData("9.255.252.0/22", "10.0.0.0/27", "10.0.0.0/16")]
    public void Rejects_a_node_subnet_whose_endpoints_subnet_after_it_is_unusable(string cidr, string endpoints, string reserved) =>
        RuleAssert.Fails(ClusterRules.SubnetPrefixFor(cidr, 3), "SubnetPrefix", $"right after the node subnet, {endpoints}, which overlaps {reserved}");

    [Theory]
    [InlineData("192.168.0.1/22", "did you mean 192.168.0.0/22")]
    [InlineData("10.0.0.0/29", "between /8 and /28")]
    [InlineData("fd00::/64", "IPv6")]
    public void Rejects_text_that_is_not_a_usable_range_with_the_reason(string cidr, string reason) =>
        RuleAssert.Fails(ClusterRules.SubnetPrefixFor(cidr, 3), "SubnetPrefix", reason);

    [Theory]
    [InlineData("192.168.0.0/28", 0)]
    [InlineData("192.168.0.0/27", 0)]
    [InlineData("192.168.0.0/26", 0)]
    [InlineData("192.168.0.0/25", 2)]
    [InlineData("192.168.0.0/24", 7)]
    [InlineData("192.168.0.0/23", 15)]
    [InlineData("192.168.0.0/22", 31)]
    [InlineData("10.0.0.0/8", 541_199)]
    public void Fits_as_many_nodes_as_there_are_addresses_for_them_and_a_surge_node(string cidr, int nodes) =>
        Assert.Equal(nodes, ClusterRules.MaxNodesFor(SubnetPrefix.Parse(cidr)));

    [Theory]
    [InlineData(0, 31)]
    [InlineData(3, 124)]
    [InlineData(10, 341)]
    [InlineData(1000, 31_031)]
    public void Needs_an_address_for_every_node_and_pod_plus_a_surge_node(int nodes, int addresses) =>
        Assert.Equal(addresses, ClusterRules.AddressesNeeded(nodes));

    [Theory]
    [InlineData("192.168.0.0/24")]
    [InlineData("192.168.0.0/23")]
    [InlineData("192.168.0.0/22")]
    [InlineData("10.1.0.0/20")]
    public void Accepts_a_subnet_filled_to_its_last_node_and_refuses_one_more(string cidr)
    {
        var limit = ClusterRules.MaxNodesFor(SubnetPrefix.Parse(cidr));

        RuleAssert.Passes(ClusterRules.SubnetPrefixFor(cidr, limit));
        RuleAssert.Fails(ClusterRules.SubnetPrefixFor(cidr, limit + 1), "SubnetPrefix", cidr, $"{limit + 1} nodes need");
    }

    [Fact]
    public void Shows_the_arithmetic_when_the_subnet_is_too_small()
    {
        var result = ClusterRules.SubnetPrefixFor("192.168.0.0/24", 10);

        RuleAssert.Fails(result, "SubnetPrefix",
            "192.168.0.0/24 has 251 usable addresses (256 minus 5 Azure reserves); "
            + "10 nodes need (30 pods + 1) x (10 + 1 surge) = 341. Use a larger prefix (e.g. /23) or fewer nodes");
    }

    [Fact]
    public void Suggests_a_prefix_large_enough_for_the_AKS_node_pool_limit() =>
        RuleAssert.Fails(ClusterRules.SubnetPrefixFor("10.0.0.0/24", 1000), "SubnetPrefix", "= 31031", "(e.g. /17)");
}
