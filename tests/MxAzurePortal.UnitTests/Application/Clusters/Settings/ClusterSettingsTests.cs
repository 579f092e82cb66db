using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class ClusterSettingsTests
{
    private static readonly string[] ManagedTags = ["mx-cluster-id"];

    private static readonly ClusterSettings Valid = new()
    {
        SubscriptionId = "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        ResourceGroup = "rg-mendix-prod",
        Region = "westeurope",
        Tags = new Dictionary<string, string> { ["cost-centre"] = "4711" },
    };

    [Fact]
    public void The_defaults_make_a_cluster_Azure_accepts() => RuleAssert.Passes(ClusterRules.All(Valid, ManagedTags));

    [Fact]
    public void Reports_each_broken_rule_on_the_setting_it_concerns()
    {
        var settings = Valid with
        {
            SubscriptionId = "nope",
            ResourceGroup = "rg.",
            Region = "moon",
            SubnetPrefix = "169.254.0.0/16",
            LoadBalancer = (LoadBalancerExposure)5,
            AksTier = (AksTier)5,
            NodeVmSize = "Standard_B2s",
            MaxNodeCount = 2,
            PostgresSku = "Standard_B1ms",
            StorageSizeGiB = 100,
            GrafanaAccess = (GrafanaAccess)5,
            Tags = new Dictionary<string, string> { ["azure-x"] = "y" },
        };

        var fields = ClusterRules.All(settings, ManagedTags).Errors.Select(e => e.Field).Distinct().Order();

        Assert.Equal(
            ["AksTier", "GrafanaAccess", "LoadBalancer", "MaxNodeCount", "NodeVmSize", "PostgresSku", "Region", "ResourceGroup",
                "StorageSizeGiB", "SubnetPrefix", "SubscriptionId", "Tags"],
            fields);
    }

    [Fact]
    public void Reports_a_subnet_too_small_for_the_nodes_once_on_the_subnet()
    {
        var settings = Valid with { SubnetPrefix = "192.168.0.0/24", MaxNodeCount = 8 };

        var error = Assert.Single(ClusterRules.All(settings, ManagedTags).Errors);

        Assert.Equal("SubnetPrefix", error.Field);
        Assert.Contains("8 nodes need", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_the_tags_against_the_portal_managed_names() =>
        RuleAssert.Fails(
            ClusterRules.All(Valid with { Tags = new Dictionary<string, string> { ["MX-CLUSTER-ID"] = "x" } }, ManagedTags),
            "Tags",
            "managed by the portal");
}
