using System.Text.Json.Nodes;
using Azure.Core;
using MxAzurePortal.Application.Azure;

namespace MxAzurePortal.Infrastructure.Azure;

public sealed partial class ArmAzureResources
{
    private const string OwnerRoleDefinitionId = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";

    public async Task<SubscriptionAccess> GetSubscriptionAccessAsync(string subscriptionId, string principal, CancellationToken cancellationToken)
    {
        JsonObject subscription;
        try
        {
            subscription = await raw.SendAsync(RequestMethod.Get, $"/subscriptions/{subscriptionId}?api-version={ArmApiVersions.Subscriptions}", null, cancellationToken);
        }
        catch (AzureOperationException exception) when (!exception.IsTransient)
        {
            return new SubscriptionAccess(false, null, false, $"{exception.Code}: {exception.Message}");
        }

        var filter = Uri.EscapeDataString($"assignedTo('{principal}')");
        var assignments = await raw.SendAsync(RequestMethod.Get,
            $"/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/roleAssignments?$filter={filter}&api-version={ArmApiVersions.RoleAssignments}",
            null, cancellationToken);
        var owner = Values(assignments).Any(a =>
            a["properties"]?["roleDefinitionId"]?.GetValue<string>().EndsWith(OwnerRoleDefinitionId, StringComparison.OrdinalIgnoreCase) == true);
        return new SubscriptionAccess(true, subscription["state"]?.GetValue<string>(), owner, null);
    }

    public async Task<IReadOnlyDictionary<string, bool>> GetProviderRegistrationsAsync(
        string subscriptionId, IReadOnlyCollection<string> providerNamespaces, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        foreach (var provider in providerNamespaces)
        {
            var answer = await raw.SendAsync(RequestMethod.Get,
                $"/subscriptions/{subscriptionId}/providers/{provider}?api-version={ArmApiVersions.Providers}", null, cancellationToken);
            result[provider] = string.Equals(answer["registrationState"]?.GetValue<string>(), "Registered", StringComparison.OrdinalIgnoreCase);
        }

        return result;
    }

    public async Task<RegionOffer> GetRegionOfferAsync(string subscriptionId, string region, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString($"location eq '{region}'");
        var skus = await raw.SendAsync(RequestMethod.Get,
            $"/subscriptions/{subscriptionId}/providers/Microsoft.Compute/skus?$filter={filter}&api-version={ArmApiVersions.ComputeSkus}", null, cancellationToken);
        var usages = await raw.SendAsync(RequestMethod.Get,
            $"/subscriptions/{subscriptionId}/providers/Microsoft.Compute/locations/{region}/usages?api-version={ArmApiVersions.ComputeUsages}", null, cancellationToken);
        var postgres = await raw.SendAsync(RequestMethod.Get,
            $"/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL/locations/{region}/capabilities?api-version={ArmApiVersions.PostgresCapabilities}",
            null, cancellationToken);

        var vmSkus = Values(skus).Where(s => s["resourceType"]?.GetValue<string>() == "virtualMachines"
            && (s["restrictions"] as JsonArray ?? []).Count == 0
            && (s["locations"] as JsonArray ?? []).Any(l => string.Equals(l?.GetValue<string>(), region, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var quotas = Values(usages).ToDictionary(
            u => u["name"]?["value"]?.GetValue<string>() ?? "",
            u => new VcpuQuota(u["name"]?["value"]?.GetValue<string>() ?? "", u["currentValue"]?.GetValue<int>() ?? 0, u["limit"]?.GetValue<int>() ?? 0),
            StringComparer.OrdinalIgnoreCase);
        var postgresSkus = Values(postgres)
            .SelectMany(c => c["supportedServerEditions"] as JsonArray ?? [])
            .SelectMany(e => e?["supportedServerSkus"] as JsonArray ?? [])
            .Select(s => s?["name"]?.GetValue<string>())
            .OfType<string>();

        return new RegionOffer(
            vmSkus.Select(s => s["name"]!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase),
            postgresSkus.ToHashSet(StringComparer.OrdinalIgnoreCase),
            quotas.GetValueOrDefault("cores") ?? new VcpuQuota("cores", 0, 0),
            quotas,
            vmSkus.ToDictionary(s => s["name"]!.GetValue<string>(), s => s["family"]?.GetValue<string>() ?? "", StringComparer.OrdinalIgnoreCase));
    }

    public async Task<NameAvailability> CheckNameAvailabilityAsync(
        string subscriptionId, GlobalNameKind kind, string name, CancellationToken cancellationToken)
    {
        var (provider, type, version) = kind == GlobalNameKind.StorageAccount
            ? ("Microsoft.Storage", "Microsoft.Storage/storageAccounts", ArmApiVersions.StorageNameCheck)
            : ("Microsoft.ContainerRegistry", "Microsoft.ContainerRegistry/registries", ArmApiVersions.RegistryNameCheck);
        var answer = await raw.SendAsync(RequestMethod.Post,
            $"/subscriptions/{subscriptionId}/providers/{provider}/checkNameAvailability?api-version={version}",
            new JsonObject { ["name"] = name, ["type"] = type }, cancellationToken);
        return new NameAvailability(
            answer["nameAvailable"]?.GetValue<bool>() ?? false,
            answer["reason"]?.GetValue<string>(),
            answer["message"]?.GetValue<string>());
    }

    private static IEnumerable<JsonObject> Values(JsonObject list) => (list["value"] as JsonArray ?? []).OfType<JsonObject>();
}
