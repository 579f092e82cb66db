using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class ClusterRulesTests
{
    public static TheoryData<string> OfferedRegions => new(AzureCatalog.Regions);

    [Theory]
    [InlineData("abc")]
    [InlineData("my-cluster-1")]
    [InlineData("a-b-c-1")]
    public void Accepts_cluster_names_of_lowercase_letters_digits_and_single_hyphens(string name) =>
        RuleAssert.Passes(ClusterRules.ClusterName(name));

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    [InlineData(40, true)]
    [InlineData(41, false)]
    public void Accepts_cluster_names_of_3_to_40_characters(int length, bool accepted)
    {
        var name = "a" + new string('1', length - 1);

        var result = ClusterRules.ClusterName(name);

        if (accepted)
        {
            RuleAssert.Passes(result);
        }
        else
        {
            RuleAssert.Fails(result, "Name", name, "3 to 40");
        }
    }

    [Theory]
    [InlineData("1abc")]
    [InlineData("-abc")]
    [InlineData("abc-")]
    [InlineData("a--b")]
    [InlineData("Abc")]
    [InlineData("ab_c")]
    [InlineData("abc\n")]
    [InlineData("")]
    public void Rejects_cluster_names_outside_the_pattern(string name) =>
        RuleAssert.Fails(ClusterRules.ClusterName(name), "Name", $"'{name}'", "3 to 40", "starting with a letter");

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("3F2504E0-4F89-11D3-9A0C-0305E82C3301")]
    public void Accepts_subscription_ids_written_as_a_GUID(string id) => RuleAssert.Passes(ClusterRules.SubscriptionId(id));

    [Theory]
    [InlineData("")]
    [InlineData("3f2504e04f8911d39a0c0305e82c3301")]
    [InlineData("{3f2504e0-4f89-11d3-9a0c-0305e82c3301}")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c330")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301\n")]
    [InlineData("my-subscription")]
    public void Rejects_subscription_ids_that_are_not_a_GUID(string id) =>
        RuleAssert.Fails(ClusterRules.SubscriptionId(id), "SubscriptionId", "00000000-0000-0000-0000-000000000000");

    [Theory]
    [InlineData("r")]
    [InlineData("rg_(mendix)-prod.eu")]
    [InlineData("Ressourcengruppe-Müller")]
    [InlineData("資源群組")]
    public void Accepts_resource_group_names_Azure_accepts(string name) =>
        RuleAssert.Passes(ClusterRules.ResourceGroupName(name));

    [Fact]
    public void Accepts_a_resource_group_name_of_90_characters() =>
        RuleAssert.Passes(ClusterRules.ResourceGroupName(new string('r', 90)));

    [Fact]
    public void Rejects_a_resource_group_name_of_91_characters() =>
        RuleAssert.Fails(ClusterRules.ResourceGroupName(new string('r', 91)), "ResourceGroup", "up to 90 characters");

    [Theory]
    [InlineData("")]
    [InlineData("rg.")]
    [InlineData("rg name")]
    [InlineData("rg/one")]
    [InlineData("rg#1")]
    [InlineData("rg\n")]
    public void Rejects_resource_group_names_Azure_refuses(string name) =>
        RuleAssert.Fails(ClusterRules.ResourceGroupName(name), "ResourceGroup", $"'{name}'", "cannot end with a period");

    [Theory]
    [MemberData(nameof(OfferedRegions))]
    public void Accepts_every_offered_region(string region) => RuleAssert.Passes(ClusterRules.Region(region));

    [Theory]
    [InlineData("")]
    [InlineData("west europe")]
    [InlineData("marscentral")]
    public void Rejects_regions_the_portal_does_not_offer_and_lists_those_it_does(string region) =>
        RuleAssert.Fails(ClusterRules.Region(region), "Region", $"'{region}'", "westeurope", "southeastasia");
}
