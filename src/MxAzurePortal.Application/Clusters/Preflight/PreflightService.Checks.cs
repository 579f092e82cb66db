using System.Globalization;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Application.Clusters.Preflight;

public sealed partial class PreflightService
{
    private async Task<IReadOnlyList<PreflightCheck>> RegionAsync(ClusterSettings settings, CancellationToken cancellationToken)
    {
        var offer = await azure.GetRegionOfferAsync(settings.SubscriptionId, settings.Region, cancellationToken);
        var vm = offer.VmSizes.Contains(settings.NodeVmSize)
            ? new PreflightCheck("Node VM size offered in the region", CheckOutcome.Passed, $"{settings.NodeVmSize} is offered in {settings.Region}.")
            : new PreflightCheck("Node VM size offered in the region", CheckOutcome.Failed,
                $"{settings.NodeVmSize} is not offered to this subscription in {settings.Region}. Choose another node VM size in the Provision " +
                "step; the region is fixed once the cluster is created, so for this size delete the cluster and create it in another region.");
        var postgres = offer.PostgresSkus.Contains(settings.PostgresSku)
            ? new PreflightCheck("PostgreSQL SKU offered in the region", CheckOutcome.Passed, $"{settings.PostgresSku} is offered in {settings.Region}.")
            : new PreflightCheck("PostgreSQL SKU offered in the region", CheckOutcome.Failed,
                $"PostgreSQL Flexible Server {settings.PostgresSku} is not offered in {settings.Region}. Choose another PostgreSQL SKU in the " +
                "Provision step; the region is fixed once the cluster is created, so for this SKU delete the cluster and create it in another region.");
        return [vm, postgres, Quota(settings, offer)];
    }

    private static PreflightCheck Quota(ClusterSettings settings, RegionOffer offer)
    {
        const string name = "vCPU quota";
        var size = AzureCatalog.FindVmSize(settings.NodeVmSize);
        if (size is null)
        {
            return new(name, CheckOutcome.Failed, $"The vCPUs of {settings.NodeVmSize} are unknown, so the quota cannot be checked.");
        }

        // Upgrades add a surge node on top of the autoscaler's maximum.
        var needed = (settings.MaxNodeCount + 1) * size.VCpus;
        var regional = offer.RegionalQuota.Limit - offer.RegionalQuota.Used;
        var family = offer.VmSizeFamilies.TryGetValue(settings.NodeVmSize, out var familyName)
            && offer.FamilyQuotas.TryGetValue(familyName, out var familyQuota)
            ? familyQuota.Limit - familyQuota.Used
            : regional;
        var available = Math.Min(regional, family);
        var arithmetic = string.Create(CultureInfo.InvariantCulture,
            $"({settings.MaxNodeCount} nodes + 1 surge) x {size.VCpus} vCPUs = {needed} vCPUs; available: {regional} regional, {family} in the {familyName ?? "size's"} family");
        if (needed > available)
        {
            return new(name, CheckOutcome.Failed, $"Not enough vCPU quota: {arithmetic}. Request a quota increase or lower the maximum node count.");
        }

        return needed > available * 0.8
            ? new(name, CheckOutcome.Warning, $"Quota suffices but is nearly used up: {arithmetic}.")
            : new(name, CheckOutcome.Passed, $"Quota suffices: {arithmetic}.");
    }

    private static PreflightCheck Subnet(ClusterSettings settings)
    {
        const string name = "AKS node subnet";
        var rules = ClusterRules.SubnetPrefixFor(settings.SubnetPrefix, settings.MaxNodeCount);
        if (!rules.IsValid)
        {
            return new(name, CheckOutcome.Failed, string.Join(" ", rules.Errors.Select(e => e.Message)));
        }

        var prefix = SubnetPrefix.Parse(settings.SubnetPrefix);
        var capacity = string.Create(CultureInfo.InvariantCulture,
            $"{prefix} holds up to {ClusterRules.MaxNodesFor(prefix)} nodes with {ClusterSettings.MaxPodsPerNode} pods each; the maximum is {settings.MaxNodeCount}.");
        return prefix.Length > RecommendedPrefixLength
            ? new(name, CheckOutcome.Warning, $"{capacity} A /{RecommendedPrefixLength} or larger is recommended, and the prefix cannot change after initialization.")
            : new(name, CheckOutcome.Passed, capacity);
    }

    private async Task<PreflightCheck> ResourceGroupAsync(ClusterNames names, CancellationToken cancellationToken)
    {
        const string name = "Resource group";
        var settings = names.Settings;
        var rules = ClusterRules.ResourceGroupName(settings.ResourceGroup);
        if (!rules.IsValid)
        {
            return new(name, CheckOutcome.Failed, string.Join(" ", rules.Errors.Select(e => e.Message)));
        }

        var exists = await azure.GetAsync(names.ResourceGroupId, cancellationToken) is not null;
        return (settings.CreateResourceGroup, exists) switch
        {
            (true, false) => new(name, CheckOutcome.Passed, $"'{settings.ResourceGroup}' is a valid name; the portal will create it in {settings.Region}."),
            (true, true) => new(name, CheckOutcome.Warning, $"'{settings.ResourceGroup}' exists already; the portal will deploy into it and tag it."),
            (false, true) => new(name, CheckOutcome.Passed, $"'{settings.ResourceGroup}' exists; the portal will deploy into it and leave its other resources alone."),
            (false, false) => new(name, CheckOutcome.Failed,
                $"'{settings.ResourceGroup}' does not exist in the subscription. Create it first, or choose to let the portal create a new one."),
        };
    }

    private async Task<PreflightCheck> NameAsync(
        ClusterNames names, GlobalNameKind kind, string globalName, string resourceId, CancellationToken cancellationToken)
    {
        var check = kind == GlobalNameKind.StorageAccount ? "Storage account name available" : "Container registry name available";
        var answer = await azure.CheckNameAvailabilityAsync(names.Settings.SubscriptionId, kind, globalName, cancellationToken);
        if (answer.Available)
        {
            return new(check, CheckOutcome.Passed, $"'{globalName}' is free.");
        }

        // A rerun finds the cluster's own resource under that name: that is no clash.
        return await azure.GetAsync(resourceId, cancellationToken) is not null
            ? new(check, CheckOutcome.Passed, $"'{globalName}' is this cluster's own.")
            : new(check, CheckOutcome.Failed, $"'{globalName}' is taken in Azure ({answer.Reason}). The cluster's resource names come from its name, which is " +
                "fixed: delete this cluster and create it with another name.");
    }

    private async Task<PreflightCheck> MendixOnKubernetesAsync(CancellationToken cancellationToken)
    {
        const string name = "Mendix on Kubernetes available";
        var status = await mendixOnKubernetes.GetAvailabilityAsync(cancellationToken);
        return status.Available
            ? new(name, CheckOutcome.Passed, "Mendix on Kubernetes is available to register the cluster.")
            : new(name, CheckOutcome.Failed, $"Mendix on Kubernetes is unavailable ({status.Detail}), so no new cluster can be created now. Try again later.");
    }
}
