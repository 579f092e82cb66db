using System.Text.Json.Nodes;

namespace MxAzurePortal.Sandbox.Arm;

/// <summary>The rules real resource providers enforce that the portal must respect, as the simulator models them.</summary>
internal static partial class ArmRules
{
    public static (string Code, string Message)? Check(string type, JsonObject? current, JsonObject desired, DateTimeOffset now)
    {
        if (type.Equals(ArmSimulator.AgentPoolType, StringComparison.OrdinalIgnoreCase)
            && current is not null && Changed(current, desired, "properties", "vmSize"))
        {
            return ("PropertyChangeNotAllowed",
                "Changing property 'vmSize' is not allowed. To use another VM size, add a node pool with it and delete this one.");
        }

        if (type.Equals(ArmSimulator.ManagedClusterType, StringComparison.OrdinalIgnoreCase)
            && KubernetesUpgrade(current, desired) is { } upgrade)
        {
            return upgrade;
        }

        if (type.Equals(ArmSimulator.ManagedClusterType, StringComparison.OrdinalIgnoreCase))
        {
            var tier = desired["sku"]?["tier"]?.GetValue<string>();
            var plan = desired["properties"]?["supportPlan"]?.GetValue<string>() ?? "KubernetesOfficial";
            if (string.Equals(tier, "Premium", StringComparison.OrdinalIgnoreCase) != string.Equals(plan, "AKSLongTermSupport", StringComparison.OrdinalIgnoreCase))
            {
                return ("BadRequest", "The Premium tier requires supportPlan AKSLongTermSupport, and the other tiers require KubernetesOfficial.");
            }
        }

        if (type.Equals("Microsoft.DBforPostgreSQL/flexibleServers", StringComparison.OrdinalIgnoreCase) && current is not null)
        {
            var before = current["properties"]?["storage"]?["storageSizeGB"]?.GetValue<int>() ?? 0;
            var after = desired["properties"]?["storage"]?["storageSizeGB"]?.GetValue<int>() ?? before;
            if (after < before)
            {
                return ("StorageSizeDecreaseNotSupported", $"Storage can only grow: it is {before} GB and cannot become {after} GB.");
            }

            if (Rank(desired) < Rank(current)
                && current["properties"]?["storage"]?["tierRaisedAt"]?.GetValue<string>() is { } raised
                && DateTimeOffset.Parse(raised, System.Globalization.CultureInfo.InvariantCulture) is var raisedAt
                && now - raisedAt < TierLock)
            {
                return ("StoragePerformanceTierDowngradeNotAllowed",
                    $"The storage performance tier was raised at {raisedAt:u}; it can be lowered from {raisedAt + TierLock:u} on.");
            }
        }

        return null;
    }

    /// <summary>A raised performance tier stays at least this long.</summary>
    public static readonly TimeSpan TierLock = TimeSpan.FromHours(12);

    private static int Rank(JsonObject server) =>
        int.TryParse(server["properties"]?["storage"]?["tier"]?.GetValue<string>()?.TrimStart('P', 'p'), out var rank) ? rank : 0;

    /// <summary>Fields ARM adds to a stored resource.</summary>
    public static void Stamp(string type, JsonObject? current, JsonObject stored, DateTimeOffset now)
    {
        if (type.Equals("Microsoft.DBforPostgreSQL/flexibleServers", StringComparison.OrdinalIgnoreCase)
            && stored["properties"]?["storage"] is JsonObject storage)
        {
            storage["tierRaisedAt"] = current is not null && Rank(stored) > Rank(current)
                ? now.ToString("O")
                : current?["properties"]?["storage"]?["tierRaisedAt"]?.DeepClone();
        }

        stored["systemData"] = new JsonObject
        {
            ["createdAt"] = current?["systemData"]?["createdAt"]?.DeepClone() ?? now.ToString("O"),
            ["lastModifiedAt"] = now.ToString("O"),
        };
    }

    private static bool Changed(JsonObject current, JsonObject desired, string section, string property)
    {
        var before = current[section]?[property]?.GetValue<string>();
        var after = desired[section]?[property]?.GetValue<string>();
        return before is not null && after is not null && !before.Equals(after, StringComparison.OrdinalIgnoreCase);
    }
}
