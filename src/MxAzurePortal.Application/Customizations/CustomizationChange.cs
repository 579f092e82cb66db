using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Application.Customizations;

/// <summary>The customizations the service allows after initialization; nothing else can be changed.</summary>
public enum Customization
{
    Tags,
    AksTier,
    NodeVmSize,
    MaxNodeCount,
    Postgres,
    LoadBalancer,
    GrafanaAccess,
}

/// <summary>One requested customization: what it changes in the settings and which rules it must pass.</summary>
public abstract record CustomizationChange(Customization Kind)
{
    public abstract ClusterSettings ApplyTo(ClusterSettings settings);

    public abstract RuleResult Check(ClusterSettings current);

    public abstract string Describe(ClusterSettings settings);
}

public sealed record TagsChange(IReadOnlyDictionary<string, string> Tags) : CustomizationChange(Customization.Tags)
{
    public override ClusterSettings ApplyTo(ClusterSettings settings) => settings with { Tags = Tags };

    public override RuleResult Check(ClusterSettings current) => ClusterRules.Tags(Tags, ClusterNames.PortalManagedTags);

    public override string Describe(ClusterSettings settings) =>
        settings.Tags.Count == 0 ? "no custom tags" : string.Join(", ", settings.Tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}={t.Value}"));
}

public sealed record AksTierChange(AksTier Tier) : CustomizationChange(Customization.AksTier)
{
    public override ClusterSettings ApplyTo(ClusterSettings settings) => settings with { AksTier = Tier };

    public override RuleResult Check(ClusterSettings current) => Enum.IsDefined(Tier)
        ? RuleResult.Ok
        : RuleResult.Fail(nameof(ClusterSettings.AksTier), "Choose Free, Standard or Premium.");

    public override string Describe(ClusterSettings settings) => $"AKS tier {settings.AksTier}";
}

public sealed record NodeVmSizeChange(string VmSize) : CustomizationChange(Customization.NodeVmSize)
{
    public override ClusterSettings ApplyTo(ClusterSettings settings) => settings with { NodeVmSize = VmSize };

    public override RuleResult Check(ClusterSettings current) => RuleResult.Combine(
        ClusterRules.NodeVmSize(VmSize), ClusterRules.PoolSwap(current.MaxNodeCount, SubnetPrefix.Parse(current.SubnetPrefix)));

    public override string Describe(ClusterSettings settings) => $"node VM size {settings.NodeVmSize}";
}

public sealed record MaxNodeCountChange(int MaxNodeCount) : CustomizationChange(Customization.MaxNodeCount)
{
    public override ClusterSettings ApplyTo(ClusterSettings settings) => settings with { MaxNodeCount = MaxNodeCount };

    public override RuleResult Check(ClusterSettings current) =>
        ClusterRules.MaxNodeCount(MaxNodeCount, SubnetPrefix.Parse(current.SubnetPrefix));

    public override string Describe(ClusterSettings settings) => $"at most {settings.MaxNodeCount} nodes";
}

public sealed record PostgresChange(PostgresTier Tier, string Sku, string PerformanceTier) : CustomizationChange(Customization.Postgres)
{
    public override ClusterSettings ApplyTo(ClusterSettings settings) =>
        settings with { PostgresTier = Tier, PostgresSku = Sku, StoragePerformanceTier = PerformanceTier };

    public override RuleResult Check(ClusterSettings current) =>
        RuleResult.Combine(ClusterRules.Postgres(Tier, Sku), ClusterRules.Storage(current.StorageSizeGiB, PerformanceTier));

    public override string Describe(ClusterSettings settings) =>
        $"PostgreSQL {settings.PostgresSku} ({settings.PostgresTier}), storage {settings.StoragePerformanceTier}";
}

public sealed record LoadBalancerChange(LoadBalancerExposure Exposure, bool Confirmed) : CustomizationChange(Customization.LoadBalancer)
{
    public override ClusterSettings ApplyTo(ClusterSettings settings) => settings with { LoadBalancer = Exposure };

    public override RuleResult Check(ClusterSettings current) => Exposure switch
    {
        LoadBalancerExposure.Internal when current.LoadBalancer != LoadBalancerExposure.Internal && !Confirmed => RuleResult.Fail(
            "Confirmed", "With an internal load balancer your apps are reachable only from your private network; confirm that you want this."),
        LoadBalancerExposure.Public or LoadBalancerExposure.Internal => RuleResult.Ok,
        _ => RuleResult.Fail(nameof(ClusterSettings.LoadBalancer), "Choose Public or Internal."),
    };

    public override string Describe(ClusterSettings settings) => $"{settings.LoadBalancer} load balancer";
}

public sealed record GrafanaAccessChange(GrafanaAccess Access) : CustomizationChange(Customization.GrafanaAccess)
{
    public override ClusterSettings ApplyTo(ClusterSettings settings) => settings with { GrafanaAccess = Access };

    public override RuleResult Check(ClusterSettings current) => Enum.IsDefined(Access)
        ? RuleResult.Ok
        : RuleResult.Fail(nameof(ClusterSettings.GrafanaAccess), "Choose Public or Private.");

    public override string Describe(ClusterSettings settings) => $"Grafana {settings.GrafanaAccess} access";
}
