using System.Globalization;

namespace MxAzurePortal.Application.Clusters.Settings;

public static partial class ClusterRules
{
    public static RuleResult Postgres(PostgresTier tier, string? sku)
    {
        if (!AzureCatalog.PostgresSkus.TryGetValue(tier, out var skus))
        {
            return Defined(tier, nameof(ClusterSettings.PostgresTier));
        }

        if (skus.Contains(sku, StringComparer.OrdinalIgnoreCase))
        {
            return RuleResult.Ok;
        }

        var owner = AzureCatalog.PostgresSkus
            .Where(p => p.Value.Contains(sku, StringComparer.OrdinalIgnoreCase))
            .Select(p => (PostgresTier?)p.Key)
            .FirstOrDefault();
        var problem = owner is { } other ? $"{sku} is a {other} SKU, not a {tier} one" : $"'{sku}' is not a {tier} SKU";
        return RuleResult.Fail(nameof(ClusterSettings.PostgresSku), $"{problem}; choose {ListOf(skus)}.");
    }

    public static RuleResult Storage(int sizeGiB, string? performanceTier)
    {
        var allowed = AzureCatalog.AllowedPerformanceTiers(sizeGiB);
        if (allowed.Count == 0)
        {
            return RuleResult.Fail(nameof(ClusterSettings.StorageSizeGiB), $"{sizeGiB} GiB is not a storage size Azure offers; "
                + $"choose {ListOf(AzureCatalog.StorageSizesGiB.Select(s => s.ToString(CultureInfo.InvariantCulture)))} GiB "
                + "(32 GiB to 32 TiB).");
        }

        if (allowed.Contains(performanceTier, StringComparer.OrdinalIgnoreCase))
        {
            return RuleResult.Ok;
        }

        var raises = allowed.Count > 1 ? $", or raise it to {ListOf(allowed.Skip(1))}" : ", which cannot be raised";
        return RuleResult.Fail(nameof(ClusterSettings.StoragePerformanceTier),
            $"'{performanceTier}' is not a performance tier for {sizeGiB} GiB of storage; "
                + $"choose {allowed[0]} (its baseline){raises}.");
    }

    /// <summary>Azure keeps a raised storage performance tier for at least this long.</summary>
    public static readonly TimeSpan StorageTierLock = TimeSpan.FromHours(12);

    /// <summary>A raised performance tier cannot be lowered within 12 hours of raising it; the message says when it can.</summary>
    public static RuleResult StorageTierLowering(string current, string wanted, DateTimeOffset? raisedAt, DateTimeOffset now)
    {
        if (TierRank(wanted) >= TierRank(current) || raisedAt is not { } raised || now - raised >= StorageTierLock)
        {
            return RuleResult.Ok;
        }

        return RuleResult.Fail(nameof(ClusterSettings.StoragePerformanceTier),
            $"The storage performance tier was raised to {current} at {raised:yyyy-MM-dd HH:mm} UTC; " +
            $"Azure allows lowering it from {raised + StorageTierLock:yyyy-MM-dd HH:mm} UTC on.");
    }

    /// <summary>P4 &lt; P6 &lt; ... &lt; P80.</summary>
    public static int TierRank(string tier) => int.TryParse(tier.TrimStart('P', 'p'), out var rank) ? rank : 0;
}
