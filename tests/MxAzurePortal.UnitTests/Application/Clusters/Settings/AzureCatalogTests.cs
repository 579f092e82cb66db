using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.UnitTests.Application.Clusters.Settings;

public sealed class AzureCatalogTests
{
    public static TheoryData<string> SystemPoolSizes => new(AzureCatalog.SystemPoolVmSizes.Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SystemPoolSizes))]
    public void Offers_only_sizes_AKS_accepts_for_a_system_pool(string name)
    {
        var size = AzureCatalog.FindVmSize(name);

        Assert.NotNull(size);
        Assert.True(size.VCpus >= 4, $"{name} has {size.VCpus} vCPUs");
        Assert.True(size.MemoryGiB >= 4, $"{name} has {size.MemoryGiB} GiB");
        Assert.False(name.StartsWith("Standard_B", StringComparison.OrdinalIgnoreCase), $"{name} is B-series");
    }

    [Theory]
    [InlineData("Standard_B4ms", 4, 16)]
    [InlineData("standard_b2s", 2, 4)]
    [InlineData("STANDARD_D2S_V5", 2, 8)]
    [InlineData("Standard_A2_v2", 2, 4)]
    [InlineData("standard_d4s_v5", 4, 16)]
    public void Finds_known_sizes_whatever_their_case(string name, int vCpus, int memoryGiB)
    {
        var size = AzureCatalog.FindVmSize(name);

        Assert.NotNull(size);
        Assert.Equal((vCpus, memoryGiB), (size.VCpus, size.MemoryGiB));
    }

    [Theory]
    [InlineData("Standard_X99")]
    [InlineData("")]
    [InlineData(null)]
    public void Finds_no_size_for_a_name_it_does_not_know(string? name) => Assert.Null(AzureCatalog.FindVmSize(name));

    [Fact]
    public void Puts_every_PostgreSQL_SKU_in_exactly_one_tier()
    {
        var skus = AzureCatalog.PostgresSkus.Values.SelectMany(s => s).ToList();

        Assert.Equal(Enum.GetValues<PostgresTier>().Order(), AzureCatalog.PostgresSkus.Keys.Order());
        Assert.Equal(skus.Count, skus.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData(32, "P4")]
    [InlineData(4096, "P50")]
    [InlineData(8192, "P60")]
    [InlineData(32768, "P80")]
    public void Lists_the_baseline_tier_first(int sizeGiB, string baseline)
    {
        Assert.Equal(baseline, AzureCatalog.AllowedPerformanceTiers(sizeGiB)[0]);
        Assert.Equal(baseline, AzureCatalog.StorageTiers[sizeGiB].Baseline);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(65536)]
    public void Allows_no_tier_for_a_size_Azure_does_not_offer(int sizeGiB) =>
        Assert.Empty(AzureCatalog.AllowedPerformanceTiers(sizeGiB));

    [Fact]
    public void Offers_storage_from_32_GiB_to_32_TiB_in_doubling_steps() =>
        Assert.Equal(Enumerable.Range(5, 11).Select(power => 1 << power), AzureCatalog.StorageSizesGiB);

    [Fact]
    public void Names_regions_the_way_Azure_Resource_Manager_does()
    {
        Assert.Contains("westeurope", AzureCatalog.Regions);
        Assert.All(AzureCatalog.Regions, r => Assert.Matches("^[a-z0-9]+$", r));
        Assert.Equal(AzureCatalog.Regions.Count, AzureCatalog.Regions.Distinct().Count());
    }
}
