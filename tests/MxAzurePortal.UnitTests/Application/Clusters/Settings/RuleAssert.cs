using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

internal static class RuleAssert
{
    public static void Passes(RuleResult result) =>
        Assert.True(result.IsValid, $"Expected no errors, got: {string.Join(" | ", result.Errors)}");

    /// <summary>The rule failed with an error on <paramref name="field"/> whose message names every fragment.</summary>
    public static void Fails(RuleResult result, string field, params string[] fragments)
    {
        Assert.False(result.IsValid, "Expected the rule to fail.");
        Assert.True(
            result.Errors.Any(e => e.Field == field && fragments.All(f => e.Message.Contains(f, StringComparison.Ordinal))),
            $"No {field} error mentions [{string.Join(", ", fragments)}]; errors: {string.Join(" | ", result.Errors)}");
    }
}
