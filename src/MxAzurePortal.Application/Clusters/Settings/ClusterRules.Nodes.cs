namespace MxAzurePortal.Application.Clusters.Settings;

public static partial class ClusterRules
{
    public const int MaxNodesPerPool = 1000;

    public const int SystemPoolMinVCpus = 4;

    public const int SystemPoolMinMemoryGiB = 4;

    private const string VmSizeField = nameof(ClusterSettings.NodeVmSize);

    public static RuleResult NodeVmSize(string? name)
    {
        if (AzureCatalog.SystemPoolVmSizes.Any(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            return RuleResult.Ok;
        }

        if (AzureCatalog.FindVmSize(name) is not { } known)
        {
            return RuleResult.Fail(VmSizeField,
                $"'{name}' is not a VM size the portal offers for the system node pool; choose one of the offered sizes.");
        }

        var reasons = WhyNotSystemPool(known).DefaultIfEmpty("the portal does not offer it for system pools");
        return RuleResult.Fail(VmSizeField, $"{known.Name} cannot run the AKS system node pool: {string.Join("; ", reasons)}. "
            + $"Choose one of the offered sizes, e.g. {AzureCatalog.SystemPoolVmSizes[0].Name}.");
    }

    /// <summary>
    /// The autoscaler's maximum. Give the subnet of an existing cluster, whose range can no longer change,
    /// to check that the nodes fit in it.
    /// </summary>
    public static RuleResult MaxNodeCount(int max, SubnetPrefix? subnet)
    {
        const string field = nameof(ClusterSettings.MaxNodeCount);
        if (max is < ClusterSettings.MinNodeCount or > MaxNodesPerPool)
        {
            return RuleResult.Fail(field, $"The maximum node count must be between {ClusterSettings.MinNodeCount} "
                + $"(the system pool's minimum) and {MaxNodesPerPool} (the AKS limit per node pool); {max} is outside that.");
        }

        return subnet is { } prefix && max > MaxNodesFor(prefix)
            ? RuleResult.Fail(field, $"At most {MaxNodesFor(prefix)} nodes fit in the subnet: {SubnetArithmetic(prefix, max)}.")
            : RuleResult.Ok;
    }

    /// <summary>
    /// A VM size change adds a new pool at the system pool's minimum beside the old one and deletes the old one only
    /// once it has drained, so for that time the subnet holds both, the old pool at up to its maximum.
    /// </summary>
    public static RuleResult PoolSwap(int max, SubnetPrefix subnet)
    {
        var nodes = max + ClusterSettings.MinNodeCount;
        if (AddressesNeeded(nodes) <= subnet.UsableAddresses)
        {
            return RuleResult.Ok;
        }

        var why = $"A VM size change runs a new pool of {ClusterSettings.MinNodeCount} nodes beside the old one until the old one "
            + $"has drained, and the old one may have up to {max} nodes: {SubnetArithmetic(subnet, nodes)}.";
        var fits = MaxNodesFor(subnet) - ClusterSettings.MinNodeCount;
        return RuleResult.Fail(VmSizeField, fits >= ClusterSettings.MinNodeCount
            ? $"{why} Lower the maximum node count to {fits} first, change the VM size, then raise the maximum again."
            : $"{why} The subnet cannot hold both pools.");
    }

    private static IEnumerable<string> WhyNotSystemPool(VmSize size)
    {
        if (size.Name.StartsWith("Standard_B", StringComparison.OrdinalIgnoreCase))
        {
            yield return "B-series (burstable) sizes are not allowed for system pools";
        }

        if (size.VCpus < SystemPoolMinVCpus)
        {
            var plural = size.VCpus == 1 ? "" : "s";
            yield return $"it has {size.VCpus} vCPU{plural} and a system pool needs at least {SystemPoolMinVCpus}";
        }

        if (size.MemoryGiB < SystemPoolMinMemoryGiB)
        {
            yield return $"it has {size.MemoryGiB} GiB of memory and a system pool needs at least {SystemPoolMinMemoryGiB} GiB";
        }
    }
}
