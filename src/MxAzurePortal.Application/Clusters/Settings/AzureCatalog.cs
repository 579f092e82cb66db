namespace MxAzurePortal.Application.Clusters.Settings;

public sealed record VmSize(string Name, int VCpus, int MemoryGiB);

/// <summary>The storage performance tiers a disk size allows: its baseline first, then the tiers it may be raised to.</summary>
public sealed record StoragePerformance(string Baseline, IReadOnlyList<string> Allowed);

/// <summary>The choices the portal offers; a value outside them is refused before Azure is asked.</summary>
public static class AzureCatalog
{
    private static readonly string[] PremiumSsdTiers =
        ["P4", "P6", "P10", "P15", "P20", "P30", "P40", "P50", "P60", "P70", "P80"];

    public static IReadOnlyList<string> Regions { get; } =
    [
        "westeurope", "northeurope", "swedencentral", "germanywestcentral", "uksouth", "francecentral",
        "eastus", "eastus2", "westus2", "centralus", "australiaeast", "southeastasia",
    ];

    public static IReadOnlyList<VmSize> SystemPoolVmSizes { get; } =
    [
        new("Standard_D4s_v5", 4, 16), new("Standard_D8s_v5", 8, 32), new("Standard_D16s_v5", 16, 64),
        new("Standard_D4ds_v5", 4, 16), new("Standard_D8ds_v5", 8, 32), new("Standard_D4as_v5", 4, 16),
        new("Standard_E4s_v5", 4, 32), new("Standard_E8s_v5", 8, 64),
        new("Standard_F4s_v2", 4, 8), new("Standard_F8s_v2", 8, 16),
    ];

    /// <summary>Sizes a customer may know from elsewhere, so the rules can say why one is refused.</summary>
    public static IReadOnlyList<VmSize> KnownVmSizes { get; } =
    [
        .. SystemPoolVmSizes,
        new("Standard_B4ms", 4, 16), new("Standard_B2s", 2, 4), new("Standard_D2s_v5", 2, 8),
        new("Standard_A2_v2", 2, 4), new("Standard_A1_v2", 1, 2),
    ];

    public static IReadOnlyDictionary<PostgresTier, IReadOnlyList<string>> PostgresSkus { get; } =
        new Dictionary<PostgresTier, IReadOnlyList<string>>
        {
            [PostgresTier.Burstable] = ["Standard_B1ms", "Standard_B2s", "Standard_B2ms", "Standard_B4ms"],
            [PostgresTier.GeneralPurpose] = ["Standard_D2ds_v5", "Standard_D4ds_v5", "Standard_D8ds_v5", "Standard_D16ds_v5"],
            [PostgresTier.MemoryOptimized] = ["Standard_E2ds_v5", "Standard_E4ds_v5", "Standard_E8ds_v5", "Standard_E16ds_v5"],
        }.AsReadOnly();

    /// <summary>PostgreSQL flexible server storage, 32 GiB to 32 TiB, by size in GiB.</summary>
    public static IReadOnlyDictionary<int, StoragePerformance> StorageTiers { get; } =
        new Dictionary<int, StoragePerformance>
        {
            [32] = Tiers("P4", "P50"),
            [64] = Tiers("P6", "P50"),
            [128] = Tiers("P10", "P50"),
            [256] = Tiers("P15", "P50"),
            [512] = Tiers("P20", "P50"),
            [1024] = Tiers("P30", "P50"),
            [2048] = Tiers("P40", "P50"),
            [4096] = Tiers("P50", "P50"),
            [8192] = Tiers("P60", "P80"),
            [16384] = Tiers("P70", "P80"),
            [32768] = Tiers("P80", "P80"),
        }.AsReadOnly();

    public static IReadOnlyList<int> StorageSizesGiB { get; } = [.. StorageTiers.Keys.Order()];

    public static VmSize? FindVmSize(string? name) =>
        KnownVmSizes.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    public static IReadOnlyList<string> AllowedPerformanceTiers(int sizeGiB) =>
        StorageTiers.TryGetValue(sizeGiB, out var tiers) ? tiers.Allowed : [];

    private static StoragePerformance Tiers(string baseline, string highest) =>
        new(baseline, PremiumSsdTiers[Array.IndexOf(PremiumSsdTiers, baseline)..(Array.IndexOf(PremiumSsdTiers, highest) + 1)]);
}
