using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class StorageRulesTests
{
    public static TheoryData<int, string[]> TiersBySize => new()
    {
        { 32, ["P4", "P6", "P10", "P15", "P20", "P30", "P40", "P50"] },
        { 64, ["P6", "P10", "P15", "P20", "P30", "P40", "P50"] },
        { 128, ["P10", "P15", "P20", "P30", "P40", "P50"] },
        { 256, ["P15", "P20", "P30", "P40", "P50"] },
        { 512, ["P20", "P30", "P40", "P50"] },
        { 1024, ["P30", "P40", "P50"] },
        { 2048, ["P40", "P50"] },
        { 4096, ["P50"] },
        { 8192, ["P60", "P70", "P80"] },
        { 16384, ["P70", "P80"] },
        { 32768, ["P80"] },
    };

    [Theory]
    [MemberData(nameof(TiersBySize))]
    public void Accepts_the_baseline_and_every_tier_it_may_be_raised_to(int sizeGiB, string[] allowed)
    {
        Assert.All(allowed, tier => RuleAssert.Passes(ClusterRules.Storage(sizeGiB, tier)));
        Assert.Equal(allowed, AzureCatalog.AllowedPerformanceTiers(sizeGiB));
    }

    [Theory]
    [InlineData(32, "P3", "P4")]
    [InlineData(64, "P4", "P6")]
    [InlineData(128, "P6", "P10")]
    [InlineData(256, "P10", "P15")]
    [InlineData(512, "P15", "P20")]
    [InlineData(1024, "P20", "P30")]
    [InlineData(2048, "P30", "P40")]
    [InlineData(4096, "P40", "P50")]
    [InlineData(8192, "P50", "P60")]
    [InlineData(16384, "P60", "P70")]
    [InlineData(32768, "P70", "P80")]
    public void Rejects_the_tier_just_below_the_baseline_and_names_the_baseline(
        int sizeGiB, string belowBaseline, string baseline) =>
        RuleAssert.Fails(ClusterRules.Storage(sizeGiB, belowBaseline), "StoragePerformanceTier",
            $"'{belowBaseline}' is not a performance tier for {sizeGiB} GiB", $"choose {baseline} (its baseline)");

    [Theory]
    [InlineData(32, "P60")]
    [InlineData(2048, "P60")]
    [InlineData(4096, "P60")]
    [InlineData(16384, "P90")]
    [InlineData(128, "p5")]
    [InlineData(128, "")]
    public void Rejects_tiers_above_the_highest_and_unknown_ones(int sizeGiB, string tier) =>
        RuleAssert.Fails(ClusterRules.Storage(sizeGiB, tier), "StoragePerformanceTier", $"'{tier}'", $"{sizeGiB} GiB");

    [Fact]
    public void Says_when_the_baseline_cannot_be_raised() =>
        RuleAssert.Fails(
            ClusterRules.Storage(4096, "P60"), "StoragePerformanceTier", "choose P50 (its baseline), which cannot be raised");

    [Theory]
    [InlineData(0)]
    [InlineData(-32)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(100)]
    [InlineData(1000)]
    [InlineData(32769)]
    [InlineData(65536)]
    public void Rejects_sizes_Azure_does_not_offer(int sizeGiB) =>
        RuleAssert.Fails(ClusterRules.Storage(sizeGiB, "P10"), "StorageSizeGiB", $"{sizeGiB} GiB is not", "16384 or 32768 GiB");
}
