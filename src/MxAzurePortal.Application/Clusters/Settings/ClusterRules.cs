using System.Text.RegularExpressions;

namespace MxAzurePortal.Application.Clusters.Settings;

/// <summary>
/// What Azure and AKS accept for a cluster, written once so that every page and the provisioning worker agree.
/// Each message says what is allowed, so a customer can fix the value without reading Azure's documentation.
/// </summary>
public static partial class ClusterRules
{
    public static RuleResult ClusterName(string? name) =>
        name is not null && ClusterNamePattern().IsMatch(name) && !name.Contains("--", StringComparison.Ordinal)
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(Cluster.Name), $"'{name}' is not a valid cluster name: use 3 to 40 lowercase letters, "
                + "digits and hyphens, starting with a letter, ending with a letter or digit, with no two hyphens in a row.");

    public static RuleResult SubscriptionId(string? id) =>
        id is not null && SubscriptionIdPattern().IsMatch(id)
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(ClusterSettings.SubscriptionId), $"'{id}' is not a subscription ID: it is a GUID "
                + "in the form 00000000-0000-0000-0000-000000000000, shown on the subscription's page in the Azure portal.");

    public static RuleResult ResourceGroupName(string? name) =>
        name is not null && ResourceGroupPattern().IsMatch(name) && !name.EndsWith('.')
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(ClusterSettings.ResourceGroup), $"'{name}' is not a valid resource group name. "
                + "The resource group name may contain letters, digits, underscores, parentheses, hyphens and periods, "
                + "up to 90 characters, and cannot end with a period.");

    public static RuleResult Region(string? region) =>
        AzureCatalog.Regions.Contains(region, StringComparer.OrdinalIgnoreCase)
            ? RuleResult.Ok
            : RuleResult.Fail(nameof(ClusterSettings.Region),
                $"'{region}' is not a region the portal offers; choose {ListOf(AzureCatalog.Regions)}.");

    /// <summary>Every rule for a new cluster; the cluster's name is checked on its own, as it is not a setting.</summary>
    public static RuleResult All(ClusterSettings settings, IReadOnlyCollection<string> portalManagedTagNames)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return RuleResult.Combine(
            SubscriptionId(settings.SubscriptionId),
            ResourceGroupName(settings.ResourceGroup),
            Region(settings.Region),
            SubnetPrefixFor(settings.SubnetPrefix, settings.MaxNodeCount),
            Defined(settings.LoadBalancer, nameof(ClusterSettings.LoadBalancer)),
            Defined(settings.AksTier, nameof(ClusterSettings.AksTier)),
            NodeVmSize(settings.NodeVmSize),
            // The subnet of a new cluster can still change, so a node count it cannot hold is reported once, on the subnet.
            MaxNodeCount(settings.MaxNodeCount, subnet: null),
            Postgres(settings.PostgresTier, settings.PostgresSku),
            Storage(settings.StorageSizeGiB, settings.StoragePerformanceTier),
            Defined(settings.GrafanaAccess, nameof(ClusterSettings.GrafanaAccess)),
            Tags(settings.Tags, portalManagedTagNames));
    }

    // Model binding turns any posted number into an enum, so an out-of-range value reaches the rules.
    private static RuleResult Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum =>
        Enum.IsDefined(value)
            ? RuleResult.Ok
            : RuleResult.Fail(field, $"'{value}' is not a {field} option; choose {ListOf(Enum.GetNames<TEnum>())}.");

    private static string ListOf(IEnumerable<string> items, string conjunction = "or")
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.SkipLast(1))} {conjunction} {list[^1]}";
    }

    [GeneratedRegex(@"^[a-z][a-z0-9-]{1,38}[a-z0-9]\z", RegexOptions.CultureInvariant)]
    private static partial Regex ClusterNamePattern();

    [GeneratedRegex(@"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SubscriptionIdPattern();

    // Azure's own pattern is \w, which takes letters of any script and the combining marks of decomposed accents.
    [GeneratedRegex(@"^[\p{L}\p{Mn}\p{Nd}_().-]{1,90}\z", RegexOptions.CultureInvariant)]
    private static partial Regex ResourceGroupPattern();
}
