using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class PostgresRulesTests
{
    [Theory]
    [InlineData(PostgresTier.Burstable, "Standard_B1ms")]
    [InlineData(PostgresTier.Burstable, "Standard_B4ms")]
    [InlineData(PostgresTier.GeneralPurpose, "Standard_D2ds_v5")]
    [InlineData(PostgresTier.GeneralPurpose, "Standard_D16ds_v5")]
    [InlineData(PostgresTier.MemoryOptimized, "Standard_E2ds_v5")]
    [InlineData(PostgresTier.MemoryOptimized, "Standard_E16ds_v5")]
    [InlineData(PostgresTier.GeneralPurpose, "standard_d4ds_v5")]
    public void Accepts_a_SKU_of_the_chosen_tier(PostgresTier tier, string sku) =>
        RuleAssert.Passes(ClusterRules.Postgres(tier, sku));

    [Theory]
    [InlineData(PostgresTier.Burstable, "Standard_D2ds_v5", "GeneralPurpose", "Standard_B1ms")]
    [InlineData(PostgresTier.Burstable, "Standard_E2ds_v5", "MemoryOptimized", "Standard_B1ms")]
    [InlineData(PostgresTier.GeneralPurpose, "Standard_B2s", "Burstable", "Standard_D2ds_v5")]
    [InlineData(PostgresTier.GeneralPurpose, "Standard_E4ds_v5", "MemoryOptimized", "Standard_D2ds_v5")]
    [InlineData(PostgresTier.MemoryOptimized, "Standard_B1ms", "Burstable", "Standard_E2ds_v5")]
    [InlineData(PostgresTier.MemoryOptimized, "Standard_D4ds_v5", "GeneralPurpose", "Standard_E2ds_v5")]
    public void Rejects_a_SKU_of_another_tier_and_lists_the_tiers_own(
        PostgresTier tier, string sku, string skuTier, string firstOfTier) =>
        RuleAssert.Fails(
            ClusterRules.Postgres(tier, sku), "PostgresSku", $"{sku} is a {skuTier} SKU, not a {tier} one", firstOfTier);

    [Theory]
    [InlineData("Standard_D2s_v5")]
    [InlineData("")]
    public void Rejects_a_SKU_no_tier_offers(string sku) =>
        RuleAssert.Fails(ClusterRules.Postgres(PostgresTier.GeneralPurpose, sku), "PostgresSku",
            $"'{sku}' is not a GeneralPurpose SKU", "Standard_D2ds_v5, Standard_D4ds_v5, Standard_D8ds_v5 or Standard_D16ds_v5");

    [Fact]
    public void Rejects_a_tier_that_does_not_exist() =>
        RuleAssert.Fails(ClusterRules.Postgres((PostgresTier)9, "Standard_D2ds_v5"), "PostgresTier", "'9'", "MemoryOptimized");
}
