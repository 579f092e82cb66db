using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class RuleResultTests
{
    [Fact]
    public void Ok_is_valid_and_has_no_errors()
    {
        Assert.True(RuleResult.Ok.IsValid);
        Assert.Empty(RuleResult.Ok.Errors);
    }

    [Fact]
    public void Combining_keeps_every_error_in_order()
    {
        var combined = RuleResult.Combine(
            RuleResult.Fail("Region", "first"), RuleResult.Ok, RuleResult.Fail("Tags", "second"));

        Assert.False(combined.IsValid);
        Assert.Equal([new RuleError("Region", "first"), new RuleError("Tags", "second")], combined.Errors);
    }

    [Fact]
    public void Combining_only_successes_is_valid() => Assert.True(RuleResult.Combine(RuleResult.Ok, RuleResult.Ok).IsValid);
}
