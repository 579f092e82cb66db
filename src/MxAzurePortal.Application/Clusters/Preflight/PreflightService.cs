using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Application.Clusters.Preflight;

/// <summary>
/// The pre-flight validation checks: what must hold in the customer's subscription before initialization can start.
/// Each check reports on its own, so one outage or refusal does not hide the others.
/// </summary>
public sealed partial class PreflightService(IAzureResources azure, IMendixOnKubernetes mendixOnKubernetes, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> RequiredProviders =
    [
        "Microsoft.ContainerService", "Microsoft.DBforPostgreSQL", "Microsoft.ContainerRegistry", "Microsoft.Storage",
        "Microsoft.Network", "Microsoft.Dashboard", "Microsoft.Monitor",
    ];

    /// <summary>Below this, AKS upgrades and scaling soon run out of addresses.</summary>
    private const int RecommendedPrefixLength = 22;

    public async Task<PreflightReport> RunAsync(ClusterNames names, string principal, CancellationToken cancellationToken)
    {
        var settings = names.Settings;
        var checks = new List<PreflightCheck>
        {
            await CheckAsync("Subscription access and Owner role", () => SubscriptionAsync(settings, principal, cancellationToken)),
            await CheckAsync("Resource providers registered", () => ProvidersAsync(settings, cancellationToken)),
        };
        checks.AddRange(await CheckManyAsync(["Node VM size offered in the region", "PostgreSQL SKU offered in the region", "vCPU quota"],
            () => RegionAsync(settings, cancellationToken)));
        checks.Add(Subnet(settings));
        checks.Add(await CheckAsync("Resource group", () => ResourceGroupAsync(names, cancellationToken)));
        checks.Add(await CheckAsync("Storage account name available",
            () => NameAsync(names, GlobalNameKind.StorageAccount, names.StorageAccountName, names.StorageAccount, cancellationToken)));
        checks.Add(await CheckAsync("Container registry name available",
            () => NameAsync(names, GlobalNameKind.ContainerRegistry, names.RegistryName, names.Registry, cancellationToken)));
        checks.Add(await CheckAsync("Mendix on Kubernetes available", () => MendixOnKubernetesAsync(cancellationToken)));
        return new PreflightReport(clock.GetUtcNow(), checks);
    }

    private async Task<PreflightCheck> SubscriptionAsync(ClusterSettings settings, string principal, CancellationToken cancellationToken)
    {
        const string name = "Subscription access and Owner role";
        var access = await azure.GetSubscriptionAccessAsync(settings.SubscriptionId, principal, cancellationToken);
        if (!access.Reachable)
        {
            return new(name, CheckOutcome.Failed,
                $"The portal cannot reach subscription {settings.SubscriptionId} ({access.Problem}). Check the id, and that the " +
                "Mendix on Azure application has been granted access to it.");
        }

        return access.HasOwnerRole
            ? new(name, CheckOutcome.Passed, $"Subscription {settings.SubscriptionId} is reachable ({access.State}) and you hold the Owner role.")
            : new(name, CheckOutcome.Failed,
                $"You do not hold the Owner role on subscription {settings.SubscriptionId}. Initialization assigns roles to the " +
                "cluster's identities, which needs Owner; ask a subscription Owner to assign it to you.");
    }

    private async Task<PreflightCheck> ProvidersAsync(ClusterSettings settings, CancellationToken cancellationToken)
    {
        const string name = "Resource providers registered";
        var registrations = await azure.GetProviderRegistrationsAsync(settings.SubscriptionId, RequiredProviders, cancellationToken);
        var missing = RequiredProviders.Where(p => !registrations.GetValueOrDefault(p)).ToList();
        return missing.Count == 0
            ? new(name, CheckOutcome.Passed, $"All {RequiredProviders.Count} resource providers the cluster uses are registered.")
            : new(name, CheckOutcome.Failed,
                $"Not registered: {string.Join(", ", missing)}. Register them in the subscription " +
                $"(e.g. az provider register --namespace {missing[0]}), then run the checks again.");
    }

    private async Task<PreflightCheck> CheckAsync(string name, Func<Task<PreflightCheck>> check) =>
        (await CheckManyAsync([name], async () => [await check()]))[0];

    private static async Task<IReadOnlyList<PreflightCheck>> CheckManyAsync(IReadOnlyList<string> names, Func<Task<IReadOnlyList<PreflightCheck>>> checks)
    {
        try
        {
            return await checks();
        }
        catch (AzureOperationException exception)
        {
            return [.. names.Select(n => new PreflightCheck(n, CheckOutcome.Failed,
                $"Azure answered {exception.Code}: {exception.Message}" + (exception.IsTransient ? " This may pass if you run the checks again." : "")))];
        }
        catch (HttpRequestException exception)
        {
            return [.. names.Select(n => new PreflightCheck(n, CheckOutcome.Failed,
                $"Azure could not be reached ({exception.Message}). Run the checks again in a moment."))];
        }
    }
}
