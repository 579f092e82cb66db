namespace MxAzurePortal.Application.Clusters.Settings;

public static partial class ClusterRules
{
    private const string SubnetField = nameof(ClusterSettings.SubnetPrefix);

    /// <summary>The addresses AKS gives the cluster's Kubernetes services (its service CIDR, DNS at .10).</summary>
    public static readonly SubnetPrefix ServiceRange = Block(10, 0, 0, 0, 16);

    /// <summary>The cluster DNS service's address, in <see cref="ServiceRange"/>.</summary>
    public const string DnsServiceAddress = "10.0.0.10";

    /// <summary>The private endpoints' subnet the portal adds to the virtual network.</summary>
    public const int EndpointSubnetLength = 27;

    private static readonly (SubnetPrefix Range, string Why)[] UnusableRanges =
    [
        (ServiceRange, "the range the cluster's Kubernetes services get (AKS's service CIDR)"),
        (Block(0, 0, 0, 0, 8), "which is not a routable network"),
        (Block(127, 0, 0, 0, 8), "the loopback range"),
        (Block(169, 254, 0, 0, 16), "the link-local range Azure reserves"),
        (Block(172, 30, 0, 0, 16), "which AKS cannot use"),
        (Block(172, 31, 0, 0, 16), "which AKS cannot use"),
        (Block(192, 0, 2, 0, 24), "which AKS cannot use"),
        (Block(224, 0, 0, 0, 4), "the multicast range"),
        (Block(240, 0, 0, 0, 4), "a range reserved for future use"),
    ];

    /// <summary>A new cluster's node subnet: a usable IPv4 range with room for every node and pod.</summary>
    public static RuleResult SubnetPrefixFor(string? cidr, int maxNodeCount)
    {
        if (!SubnetPrefix.TryParse(cidr, out var prefix, out var error))
        {
            return RuleResult.Fail(SubnetField, error);
        }

        var overlaps = UnusableRanges.Where(u => u.Range.Overlaps(prefix)).Select(u => new RuleError(SubnetField,
            $"{prefix} overlaps {u.Range}, {u.Why}; choose a range outside it, such as 192.168.0.0/22 or 10.1.0.0/22."));
        return RuleResult.Combine(RuleResult.From(overlaps), EndpointSubnet(prefix), Capacity(prefix, maxNodeCount));
    }

    /// <summary>The private endpoints' subnet of a node subnet: the /27 right after it; null past the last address.</summary>
    public static SubnetPrefix? EndpointSubnetAfter(SubnetPrefix nodes)
    {
        var next = (ulong)nodes.Network + (ulong)nodes.AddressCount;
        return next > uint.MaxValue ? null : new SubnetPrefix((uint)next, EndpointSubnetLength);
    }

    /// <summary>The endpoints' /27 is part of the network too, so it must be as usable as the node subnet.</summary>
    private static RuleResult EndpointSubnet(SubnetPrefix nodes)
    {
        if (EndpointSubnetAfter(nodes) is not { } endpoints)
        {
            return RuleResult.Fail(SubnetField, $"The portal puts the cluster's private endpoints in the /{EndpointSubnetLength} right after the "
                + $"node subnet, and {nodes} ends at the last IPv4 address; choose a lower range, such as 192.168.0.0/22.");
        }

        return RuleResult.From(UnusableRanges.Where(u => u.Range.Overlaps(endpoints) && !u.Range.Overlaps(nodes)).Select(u => new RuleError(SubnetField,
            $"The portal puts the cluster's private endpoints in the /{EndpointSubnetLength} right after the node subnet, {endpoints}, "
            + $"which overlaps {u.Range}, {u.Why}; choose a node subnet whose next /{EndpointSubnetLength} is outside it.")));
    }

    /// <summary>
    /// Classic Azure CNI gives every node and every pod an address, and an upgrade adds one surge node.
    /// </summary>
    public static int AddressesNeeded(int nodes) => checked((ClusterSettings.MaxPodsPerNode + 1) * (nodes + 1));

    public static int MaxNodesFor(SubnetPrefix prefix) =>
        Math.Max(0, (prefix.UsableAddresses / (ClusterSettings.MaxPodsPerNode + 1)) - 1);

    private static RuleResult Capacity(SubnetPrefix prefix, int nodes)
    {
        // A node count outside what AKS allows is MaxNodeCount's to report; the arithmetic would mean nothing.
        if (nodes is < 1 or > MaxNodesPerPool || AddressesNeeded(nodes) <= prefix.UsableAddresses)
        {
            return RuleResult.Ok;
        }

        var larger = prefix.Length;
        while ((1L << (32 - larger)) - SubnetPrefix.AzureReservedAddresses < AddressesNeeded(nodes))
        {
            larger--;
        }

        return RuleResult.Fail(SubnetField, $"{SubnetArithmetic(prefix, nodes)}. Use a larger prefix (e.g. /{larger}) "
            + $"or fewer nodes (at most {MaxNodesFor(prefix)}).");
    }

    private static string SubnetArithmetic(SubnetPrefix prefix, int nodes) =>
        $"{prefix} has {prefix.UsableAddresses} usable addresses ({prefix.AddressCount} minus "
        + $"{SubnetPrefix.AzureReservedAddresses} Azure reserves); {nodes} nodes need "
        + $"({ClusterSettings.MaxPodsPerNode} pods + 1) x ({nodes} + 1 surge) = {AddressesNeeded(nodes)}";

    private static SubnetPrefix Block(byte a, byte b, byte c, byte d, int length) =>
        new(((uint)a << 24) | ((uint)b << 16) | ((uint)c << 8) | d, length);
}
