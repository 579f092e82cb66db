using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class TagRulesTests
{
    private static readonly string[] NoManagedTags = [];

    private static readonly string[] ManagedTags = ["mx-cluster-id", "mx-managed-by"];

    [Theory]
    [InlineData(50, 0, true)]
    [InlineData(51, 0, false)]
    [InlineData(48, 2, true)]
    [InlineData(49, 2, false)]
    public void Counts_the_portal_managed_tags_toward_the_Azure_limit_of_50(int customerTags, int managedTags, bool accepted)
    {
        var tags = Enumerable.Range(1, customerTags).ToDictionary(i => $"tag{i}", i => "value");
        var managed = ManagedTags.Take(managedTags).ToArray();

        var result = ClusterRules.Tags(tags, managed);

        if (accepted)
        {
            RuleAssert.Passes(result);
        }
        else
        {
            RuleAssert.Fails(result, "Tags", $"There are {customerTags} tags", "at most 50", $"at most {50 - managedTags}");
        }
    }

    [Theory]
    [InlineData(128, true)]
    [InlineData(129, false)]
    public void Accepts_tag_names_up_to_the_storage_account_limit_of_128(int length, bool accepted)
    {
        var name = "n" + new string('x', length - 1);

        var result = ClusterRules.Tags(Tags((name, "value")), NoManagedTags);

        if (accepted)
        {
            RuleAssert.Passes(result);
        }
        else
        {
            RuleAssert.Fails(result, "Tags", name[..37], "is 129 characters", "at most 128", "storage accounts");
        }
    }

    [Theory]
    [InlineData(256, true)]
    [InlineData(257, false)]
    public void Accepts_tag_values_up_to_256_characters(int length, bool accepted)
    {
        var result = ClusterRules.Tags(Tags(("owner", new string('v', length))), NoManagedTags);

        if (accepted)
        {
            RuleAssert.Passes(result);
        }
        else
        {
            RuleAssert.Fails(result, "Tags", "'owner'", "is 257 characters", "at most 256");
        }
    }

    [Fact]
    public void Accepts_values_that_are_empty_or_hold_characters_forbidden_in_names() =>
        RuleAssert.Passes(ClusterRules.Tags(Tags(("empty", ""), ("url", "https://example.com/?a=1&b=<2>")), NoManagedTags));

    [Fact]
    public void Reports_every_problem_naming_its_tag()
    {
        var result = ClusterRules.Tags(Tags(("a/b", "x"), ("azure-x", "y"), ("ok", "z")), NoManagedTags);

        Assert.Equal(2, result.Errors.Count);
        RuleAssert.Fails(result, "Tags", "'a/b'");
        RuleAssert.Fails(result, "Tags", "'azure-x'");
    }

    private static Dictionary<string, string> Tags(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
