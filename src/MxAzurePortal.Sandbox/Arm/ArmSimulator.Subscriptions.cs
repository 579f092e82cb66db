using System.Text.Json.Nodes;
using MxAzurePortal.Application.Clusters.Settings;

namespace MxAzurePortal.Sandbox.Arm;

public sealed partial class ArmSimulator
{
    internal const string OwnerRoleDefinitionId = "8e3af657-a8ff-443c-a75c-2fe8c4bcb635";
    internal const string ReaderRoleDefinitionId = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

    private (int, JsonNode?, Dictionary<string, string>) SubscriptionProvider(
        string method, string[] segments, string apiVersion, string? body, Dictionary<string, string> headers)
    {
        _ = apiVersion;
        var subscription = segments[1];
        var provider = segments.Length > 3 ? segments[3] : "";
        var rest = segments.Length > 4 ? string.Join('/', segments[4..]) : "";
        switch (method, rest.ToLowerInvariant())
        {
            case ("GET", ""):
                var registered = !Options.UnregisteredProviders.Contains(provider, StringComparer.OrdinalIgnoreCase);
                return (200, new JsonObject
                {
                    ["id"] = $"/subscriptions/{subscription}/providers/{provider}",
                    ["namespace"] = provider,
                    ["registrationState"] = registered ? "Registered" : "NotRegistered",
                }, headers);
            case ("GET", "roleassignments"):
                return (200, RoleAssignments(subscription), headers);
            case ("GET", "skus"):
                return (200, VmSkus(), headers);
            case ("POST", "checknameavailability"):
                return (200, NameCheck(provider, ParseObject(body)), headers);
        }

        if (method == "GET" && segments.Length == 8 && segments[4].Equals("locations", StringComparison.OrdinalIgnoreCase))
        {
            return segments[6].ToLowerInvariant() switch
            {
                "operationstatuses" => OperationStatus(segments[7], headers),
                _ => (404, Error("NotFound", $"No route for {string.Join('/', segments)}."), headers),
            };
        }

        if (method == "GET" && segments.Length == 7 && segments[4].Equals("locations", StringComparison.OrdinalIgnoreCase))
        {
            var location = segments[5];
            return segments[6].ToLowerInvariant() switch
            {
                "usages" => (200, Usages(location), headers),
                "capabilities" => (200, PostgresCapabilities(location), headers),
                _ => (404, Error("NotFound", $"No route for {string.Join('/', segments)}."), headers),
            };
        }

        return (404, Error("NotFound", $"No route for {method} /{string.Join('/', segments)}."), headers);
    }

    private JsonObject RoleAssignments(string subscription)
    {
        var role = Options.SubscriptionsWithoutOwner.Contains(subscription, StringComparer.OrdinalIgnoreCase)
            ? ReaderRoleDefinitionId
            : OwnerRoleDefinitionId;
        return new JsonObject
        {
            ["value"] = new JsonArray(new JsonObject
            {
                ["id"] = $"/subscriptions/{subscription}/providers/Microsoft.Authorization/roleAssignments/{Guid.NewGuid()}",
                ["properties"] = new JsonObject
                {
                    ["roleDefinitionId"] = $"/subscriptions/{subscription}/providers/Microsoft.Authorization/roleDefinitions/{role}",
                    ["scope"] = $"/subscriptions/{subscription}",
                },
            }),
        };
    }

    private JsonObject VmSkus()
    {
        var skus = new JsonArray();
        foreach (var region in AzureCatalog.Regions)
        {
            foreach (var size in AzureCatalog.KnownVmSizes.Where(s => !Unavailable(region, s.Name)))
            {
                skus.Add(new JsonObject
                {
                    ["resourceType"] = "virtualMachines",
                    ["name"] = size.Name,
                    ["family"] = FamilyOf(size.Name),
                    ["locations"] = new JsonArray(region),
                    ["capabilities"] = new JsonArray(
                        new JsonObject { ["name"] = "vCPUs", ["value"] = size.VCpus.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        new JsonObject { ["name"] = "MemoryGB", ["value"] = size.MemoryGiB.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
                    ["restrictions"] = new JsonArray(),
                });
            }
        }

        return new JsonObject { ["value"] = skus };
    }

    private JsonObject Usages(string location)
    {
        var families = AzureCatalog.KnownVmSizes.Select(s => FamilyOf(s.Name)).Distinct();
        var values = new JsonArray(Usage("cores", "Total Regional vCPUs", Options.RegionalVcpuQuota));
        foreach (var family in families)
        {
            values.Add(Usage(family, family, Options.RegionalVcpuQuota));
        }

        _ = location;
        return new JsonObject { ["value"] = values };
    }

    private static JsonObject Usage(string name, string localized, int limit) => new()
    {
        ["name"] = new JsonObject { ["value"] = name, ["localizedValue"] = localized },
        ["currentValue"] = 0,
        ["limit"] = limit,
        ["unit"] = "Count",
    };

    private JsonObject PostgresCapabilities(string location)
    {
        var editions = new JsonArray();
        foreach (var (tier, skus) in AzureCatalog.PostgresSkus)
        {
            editions.Add(new JsonObject
            {
                ["name"] = tier.ToString(),
                ["supportedServerSkus"] = new JsonArray(skus.Where(s => !Unavailable(location, s))
                    .Select(s => (JsonNode)new JsonObject { ["name"] = s }).ToArray()),
            });
        }

        return new JsonObject { ["value"] = new JsonArray(new JsonObject { ["name"] = "FlexibleServerCapabilities", ["supportedServerEditions"] = editions }) };
    }

    private JsonObject NameCheck(string provider, JsonObject? request)
    {
        var name = request?["name"]?.GetValue<string>() ?? "";
        var type = provider.Equals("Microsoft.Storage", StringComparison.OrdinalIgnoreCase)
            ? "Microsoft.Storage/storageAccounts"
            : "Microsoft.ContainerRegistry/registries";
        var taken = Options.TakenNames.Contains(name, StringComparer.OrdinalIgnoreCase)
            || resources.Values.Any(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase)
                && r.Id.EndsWith("/" + name, StringComparison.OrdinalIgnoreCase));
        return new JsonObject
        {
            ["nameAvailable"] = !taken,
            ["reason"] = taken ? "AlreadyExists" : null,
            ["message"] = taken ? $"The name '{name}' is already in use." : null,
        };
    }

    private bool Unavailable(string region, string sku) =>
        Options.UnavailableSkus.Contains($"{region}/{sku}", StringComparer.OrdinalIgnoreCase);

    /// <summary>The quota family of a size, as Azure names it: Standard_D4s_v5 is in standardDSv5Family.</summary>
    internal static string FamilyOf(string size)
    {
        var name = size.Replace("Standard_", "", StringComparison.OrdinalIgnoreCase);
        var parts = name.Split('_');
        var letters = new string(parts[0].Where(char.IsLetter).ToArray());
        var version = parts.Length > 1 ? parts[1] : "";
        return $"standard{letters.ToUpperInvariant()}{version}Family";
    }
}
