using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class TagNameRulesTests
{
    private static readonly string[] NoManagedTags = [];

    private static readonly string[] ManagedTags = ["mx-cluster-id", "mx-managed-by"];

    [Theory]
    [InlineData("cost<centre", '<')]
    [InlineData("cost>centre", '>')]
    [InlineData("100%", '%')]
    [InlineData("R&D", '&')]
    [InlineData("dept\\team", '\\')]
    [InlineData("why?", '?')]
    [InlineData("dept/team", '/')]
    public void Rejects_tag_names_with_a_character_Azure_forbids(string name, char forbidden) =>
        RuleAssert.Fails(
            ClusterRules.Tags(Tags((name, "value")), NoManagedTags), "Tags", $"'{name}' contains '{forbidden}'", @"< > % & \ ? /");

    [Theory]
    [InlineData("microsoft.owner", "microsoft")]
    [InlineData("Azure-cost", "Azure")]
    [InlineData("WINDOWS", "WINDOWS")]
    [InlineData("azurebackup", "azure")]
    public void Rejects_tag_names_with_reserved_prefix(string name, string prefix) =>
        RuleAssert.Fails(ClusterRules.Tags(Tags((name, "value")), NoManagedTags), "Tags",
            $"'{name}' starts with '{prefix}'", "microsoft, azure or windows");

    [Theory]
    [InlineData("my-azure-tag")]
    [InlineData("msft")]
    [InlineData("win")]
    [InlineData("Kostenstelle-Müller")]
    public void Accepts_tag_names_that_only_contain_a_reserved_word_later(string name) =>
        RuleAssert.Passes(ClusterRules.Tags(Tags((name, "value")), NoManagedTags));

    [Theory]
    [InlineData("mx-cluster-id")]
    [InlineData("MX-Cluster-Id")]
    public void Rejects_tag_names_managed_by_the_portal_in_any_case(string name) =>
        RuleAssert.Fails(ClusterRules.Tags(Tags((name, "value")), ManagedTags), "Tags", $"'{name}' is managed by the portal");

    [Fact]
    public void Rejects_tag_names_that_differ_only_in_case()
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal) { ["Env"] = "prod", ["env"] = "test", ["other"] = "x" };

        RuleAssert.Fails(ClusterRules.Tags(tags, NoManagedTags), "Tags", "'Env' and 'env' differ only in case");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\t")]
    public void Rejects_tag_names_that_are_empty_or_only_spaces(string name) =>
        RuleAssert.Fails(ClusterRules.Tags(Tags((name, "orphan")), NoManagedTags), "Tags", "'orphan' has no name");

    private static Dictionary<string, string> Tags(params (string Name, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
}
