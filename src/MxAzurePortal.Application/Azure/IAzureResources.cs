namespace MxAzurePortal.Application.Azure;

/// <summary>
/// Azure Resource Manager as the portal uses it: desired-state PUTs of whole resources, reads, deletes, and the
/// look-ups the pre-flight checks need. Every call is idempotent; failures surface as <see cref="AzureOperationException"/>.
/// </summary>
public interface IAzureResources
{
    /// <summary>Creates or replaces the resource and waits until ARM reports it Succeeded.</summary>
    Task<AzureResourceState> PutAsync(AzureResourceRequest request, CancellationToken cancellationToken);

    /// <summary>Sends exactly the given JSON as a PATCH and waits until ARM reports the change Succeeded.</summary>
    Task<AzureResourceState> PatchAsync(string resourceId, System.Text.Json.Nodes.JsonObject body, CancellationToken cancellationToken);

    /// <summary>Replaces the resource's tags (all of them) through its Microsoft.Resources/tags resource.</summary>
    Task SetTagsAsync(string resourceId, IReadOnlyDictionary<string, string> tags, CancellationToken cancellationToken);

    /// <summary>The resource as ARM has it, or null when it does not exist.</summary>
    Task<AzureResourceState?> GetAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>Deletes the resource (or resource group) and waits until it is gone; a missing resource is fine.</summary>
    Task DeleteAsync(string resourceId, CancellationToken cancellationToken);

    Task<SubscriptionAccess> GetSubscriptionAccessAsync(string subscriptionId, string principal, CancellationToken cancellationToken);

    Task<IReadOnlyDictionary<string, bool>> GetProviderRegistrationsAsync(
        string subscriptionId, IReadOnlyCollection<string> providerNamespaces, CancellationToken cancellationToken);

    Task<RegionOffer> GetRegionOfferAsync(string subscriptionId, string region, CancellationToken cancellationToken);

    Task<NameAvailability> CheckNameAvailabilityAsync(
        string subscriptionId, GlobalNameKind kind, string name, CancellationToken cancellationToken);
}
