using System.Globalization;
using System.Text.Json.Nodes;

namespace MxAzurePortal.Sandbox.Arm;

/// <summary>A policy of the simulated initiative: which resources it evaluates, the controls it maps to, and its rule.</summary>
internal sealed record SimulatedPolicy(string ReferenceId, string DefinitionName, string ResourceType, string[] Groups, Func<JsonObject, bool> Passes);

/// <summary>
/// The SOC 2 Type 2 initiative as the simulator assigns it to every resource group it holds: a handful of the real
/// built-in policies (their real definition names), mapped to SOC 2 controls, and evaluated against the simulated
/// resources' own properties, so a change of a resource changes its compliance. The exemptions are the ones a managed
/// service documents.
/// </summary>
internal static class Soc2Initiative
{
    public const string Name = "4054785f-702b-4a98-9215-009cbd58b141";

    private const string Storage = "Microsoft.Storage/storageAccounts";
    private const string Postgres = "Microsoft.DBforPostgreSQL/flexibleServers";
    private const string Registry = "Microsoft.ContainerRegistry/registries";
    private const string Grafana = "Microsoft.Dashboard/grafana";
    private const string Aks = "Microsoft.ContainerService/managedClusters";
    private const string AgentPool = "Microsoft.ContainerService/managedClusters/agentPools";

    public const string NodePatchingExemption = "mx-node-os-patching";
    public const string ApiServerExemption = "mx-aks-public-api-server";

    public static readonly IReadOnlyList<SimulatedPolicy> Policies =
    [
        new("storageMinimumTlsVersion", "fe83a0eb-a853-422d-aac2-1bffd182c5d0", Storage, ["SOC_2_CC6.1", "SOC_2_CC6.7"],
            r => Property(r, "minimumTlsVersion") is "TLS1_2" or "TLS1_3"),
        new("storageSecureTransfer", "404c3081-a854-4457-ae30-26a93ef643f9", Storage, ["SOC_2_CC6.7"],
            r => Flag(r, "supportsHttpsTrafficOnly") == true),
        new("storageBlobPublicAccessDisallowed", "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751", Storage, ["SOC_2_CC6.1"],
            r => Flag(r, "allowBlobPublicAccess") == false),
        new("storagePublicNetworkAccessDisabled", "b2982f36-99f2-4db5-8eff-283140c09693", Storage, ["SOC_2_CC6.6"],
            r => Property(r, "publicNetworkAccess") == "Disabled"),
        new("postgresFlexiblePublicNetworkAccessDisabled", "5e1de0e3-42cb-4ebc-a86d-61d0c619ca48", Postgres, ["SOC_2_CC6.6"],
            r => r["properties"]?["network"]?["publicNetworkAccess"]?.GetValue<string>() == "Disabled"),
        new("containerRegistryPublicNetworkAccessDisabled", "0fdf0491-d080-4575-b627-ad0e843cba0f", Registry, ["SOC_2_CC6.6"],
            r => Property(r, "publicNetworkAccess") == "Disabled"),
        new("containerRegistryAdminAccountDisabled", "dc921057-6b28-4fbe-9b83-f7bec05db6c2", Registry, ["SOC_2_CC6.1"],
            r => Flag(r, "adminUserEnabled") != true),
        new("grafanaPublicNetworkAccessDisabled", "e8775d5a-73b7-4977-a39b-833ef0114628", Grafana, ["SOC_2_CC6.6"],
            r => Property(r, "publicNetworkAccess") == "Disabled"),
        new("aksPrivateCluster", "040732e8-d947-40b8-95d6-854c95024bf8", Aks, ["SOC_2_CC6.1"], IsPrivateCluster),
        new("aksNodeOsAutoUpgrade", "04408ca5-aa10-42ce-8536-98955cdddd4c", Aks, ["SOC_2_CC7.1"],
            r => NodeOsChannel(r) is { } channel && channel != "None"),

        // Node pools are reimaged, never patched in place, so the machine update assessment always finds updates.
        new("systemUpdatesInstalled", "f85bf3e0-d513-442e-89c3-1784ad63382b", AgentPool, ["SOC_2_CC7.1"], _ => false),
    ];

    public static string AssignmentId(string groupId) => $"{groupId}/providers/Microsoft.Authorization/policyAssignments/mx-soc2-type2";

    /// <summary>The exemptions documented for the group, following from what it holds.</summary>
    public static List<JsonObject> Exemptions(string groupId, SimulatedResource group, IReadOnlyList<SimulatedResource> held)
    {
        var clusters = held.Where(r => r.Type.Equals(Aks, StringComparison.OrdinalIgnoreCase)).Select(r => r.Body).ToList();
        var exemptions = new List<JsonObject>();
        if (clusters.Any(c => NodeOsChannel(c) == "NodeImage"))
        {
            exemptions.Add(Exemption(groupId, NodePatchingExemption, "Mitigated", "Managed by Mendix: node OS patching through the NodeImage channel",
                "AKS replaces every node's image weekly through the NodeImage auto-upgrade channel instead of patching machines in place, " +
                "so the machine update assessment lists updates that never apply. Mendix monitors the channel for every cluster.",
                ["systemUpdatesInstalled"], expiresOn: null));
        }

        if (clusters.Any(c => !IsPrivateCluster(c)))
        {
            var created = group.Body["systemData"]?["createdAt"]?.GetValue<string>() is { } at
                ? DateTimeOffset.Parse(at, CultureInfo.InvariantCulture)
                : DateTimeOffset.UnixEpoch;
            exemptions.Add(Exemption(groupId, ApiServerExemption, "Waiver", "AKS API server on a public endpoint",
                "Mendix operations reach the cluster's Kubernetes API over its public endpoint, signed in with Microsoft Entra ID. " +
                "Accepted for a year at a time and reviewed before it expires.",
                ["aksPrivateCluster"], created.AddDays(365)));
        }

        return exemptions;
    }

    /// <summary>Every latest policy state of the group, in a stable order.</summary>
    public static List<JsonObject> States(string groupId, IReadOnlyList<SimulatedResource> held, IReadOnlyList<JsonObject> exemptions, DateTimeOffset now)
    {
        var segments = groupId.Trim('/').Split('/');
        var states = new List<JsonObject>();
        foreach (var resource in held.OrderBy(r => r.Id, StringComparer.OrdinalIgnoreCase))
        {
            foreach (var policy in Policies.Where(p => p.ResourceType.Equals(resource.Type, StringComparison.OrdinalIgnoreCase)))
            {
                var compliance = IsExempt(policy, exemptions, now) ? "Exempt" : policy.Passes(resource.Body) ? "Compliant" : "NonCompliant";
                states.Add(new JsonObject
                {
                    ["@odata.id"] = null,
                    ["timestamp"] = now.ToString("O", CultureInfo.InvariantCulture),
                    ["resourceId"] = resource.Id,
                    ["resourceType"] = resource.Type,
                    ["resourceLocation"] = resource.Body["location"]?.DeepClone(),
                    ["subscriptionId"] = segments[1],
                    ["resourceGroup"] = segments[3],
                    ["policyAssignmentId"] = AssignmentId(groupId),
                    ["policyAssignmentName"] = "mx-soc2-type2",
                    ["policyAssignmentScope"] = groupId,
                    ["policyDefinitionId"] = $"/providers/Microsoft.Authorization/policyDefinitions/{policy.DefinitionName}",
                    ["policyDefinitionName"] = policy.DefinitionName,
                    ["policyDefinitionAction"] = "audit",
                    ["policyDefinitionReferenceId"] = policy.ReferenceId,
                    ["policyDefinitionGroupNames"] = new JsonArray([.. policy.Groups.Select(g => (JsonNode)g)]),
                    ["policySetDefinitionId"] = $"/providers/Microsoft.Authorization/policySetDefinitions/{Name}",
                    ["policySetDefinitionName"] = Name,
                    ["policySetDefinitionCategory"] = "Regulatory Compliance",
                    ["isCompliant"] = compliance == "Compliant",
                    ["complianceState"] = compliance,
                });
            }
        }

        return states;
    }

    public static bool IsExpired(JsonObject exemption, DateTimeOffset now) =>
        exemption["properties"]?["expiresOn"]?.GetValue<string>() is { } expires
        && DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture) <= now;

    private static bool IsExempt(SimulatedPolicy policy, IReadOnlyList<JsonObject> exemptions, DateTimeOffset now) =>
        exemptions.Any(e => !IsExpired(e, now)
            && (e["properties"]?["policyDefinitionReferenceIds"] as JsonArray ?? []).Any(id => id?.GetValue<string>() == policy.ReferenceId));

    private static JsonObject Exemption(
        string groupId, string name, string category, string displayName, string description, string[] referenceIds, DateTimeOffset? expiresOn) => new()
    {
        ["id"] = $"{groupId}/providers/Microsoft.Authorization/policyExemptions/{name}",
        ["name"] = name,
        ["type"] = "Microsoft.Authorization/policyExemptions",
        ["properties"] = new JsonObject
        {
            ["policyAssignmentId"] = AssignmentId(groupId),
            ["policyDefinitionReferenceIds"] = new JsonArray([.. referenceIds.Select(r => (JsonNode)r)]),
            ["exemptionCategory"] = category,
            ["displayName"] = displayName,
            ["description"] = description,
            ["expiresOn"] = expiresOn?.ToString("O", CultureInfo.InvariantCulture),
            ["metadata"] = new JsonObject { ["documentedBy"] = "Mendix on Azure" },
        },
    };

    private static string? Property(JsonObject resource, string name) => resource["properties"]?[name]?.GetValue<string>();

    private static bool? Flag(JsonObject resource, string name) => resource["properties"]?[name]?.GetValue<bool>();

    private static string? NodeOsChannel(JsonObject cluster) =>
        cluster["properties"]?["autoUpgradeProfile"]?["nodeOSUpgradeChannel"]?.GetValue<string>();

    private static bool IsPrivateCluster(JsonObject cluster) =>
        cluster["properties"]?["apiServerAccessProfile"]?["enablePrivateCluster"]?.GetValue<bool>() == true;
}
