using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace MxAzurePortal.Sandbox.Arm;

public sealed partial class ArmSimulator
{
    /// <summary>Policy states per page: small, so a client that ignores @odata.nextLink misses states.</summary>
    internal const int PolicyStatesPageSize = 4;

    private const string PolicyStatesRoute = "Microsoft.PolicyInsights/policyStates/latest/queryResults";
    private const string PolicyExemptionsRoute = "Microsoft.Authorization/policyExemptions";

    /// <summary>Azure Policy in a resource group: latest policy states of the SOC 2 initiative, and its exemptions; null for other paths.</summary>
    private (int, JsonNode?, Dictionary<string, string>)? Policy(
        string method, string[] segments, IQueryCollection query, Dictionary<string, string> headers)
    {
        if (segments.Length < 6 || !segments[2].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            || !segments[4].Equals("providers", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var route = string.Join('/', segments[5..]);
        var states = route.Equals(PolicyStatesRoute, StringComparison.OrdinalIgnoreCase);
        if (!states && !route.Equals(PolicyExemptionsRoute, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (method != (states ? "POST" : "GET"))
        {
            return (405, Error("MethodNotAllowed", $"{method} is not supported on {route}."), headers);
        }

        Settle();
        var groupId = string.Join('/', ["", .. segments[..4]]);
        if (!resources.TryGetValue(groupId, out var group))
        {
            return (404, Error("ResourceGroupNotFound", $"Resource group '{segments[3]}' could not be found."), headers);
        }

        var held = resources.Values.Where(r => r.Id.StartsWith(groupId + "/", StringComparison.OrdinalIgnoreCase)).ToList();
        var exemptions = Soc2Initiative.Exemptions(groupId, group, held);
        if (!states)
        {
            var listed = query["$filter"].ToString().Contains("excludeExpired()", StringComparison.OrdinalIgnoreCase)
                ? exemptions.Where(e => !Soc2Initiative.IsExpired(e, Now))
                : exemptions;
            return (200, new JsonObject { ["value"] = new JsonArray([.. listed]) }, headers);
        }

        var all = ForInitiative(query["$filter"].ToString()) ? Soc2Initiative.States(groupId, held, exemptions, Now) : [];
        return StatesPage(string.Join('/', ["", .. segments]), query, all, headers);
    }

    private static (int, JsonNode?, Dictionary<string, string>) StatesPage(
        string path, IQueryCollection query, List<JsonObject> all, Dictionary<string, string> headers)
    {
        var token = query["$skiptoken"].ToString();
        var skip = 0;
        if (token.Length > 0 && (!int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out skip) || skip > all.Count))
        {
            return (400, Error("InvalidSkipToken", $"The skip token '{token}' is not valid."), headers);
        }

        var page = all.Skip(skip).Take(PolicyStatesPageSize).ToList();
        var answer = new JsonObject
        {
            ["@odata.context"] = "https://management.azure.com/providers/Microsoft.PolicyInsights/policyStates/$metadata#latest",
            ["@odata.count"] = page.Count,
            ["value"] = new JsonArray([.. page]),
        };
        if (skip + page.Count < all.Count)
        {
            var filter = query["$filter"].ToString();
            answer["@odata.nextLink"] = $"{ArmSimulatorOptions.PublicEndpoint}{path}?api-version={query["api-version"]}" +
                (filter.Length > 0 ? $"&$filter={Uri.EscapeDataString(filter)}" : "") +
                $"&$skiptoken={skip + page.Count}";
        }

        return (200, answer, headers);
    }

    /// <summary>Whether a $filter asks for the SOC 2 initiative's states (or for every state).</summary>
    private static bool ForInitiative(string filter)
    {
        var match = PolicySetFilter().Match(filter);
        return !match.Success || match.Groups[1].Value.Equals(Soc2Initiative.Name, StringComparison.OrdinalIgnoreCase);
    }

    [GeneratedRegex(@"policySetDefinitionName\s+eq\s+'([^']*)'", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PolicySetFilter();
}
