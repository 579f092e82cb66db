using System.Globalization;
using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Compliance;

namespace MxAzurePortal.Infrastructure.Azure;

/// <summary>
/// <see cref="IPolicyCompliance"/> on Azure Resource Manager: Policy Insights' latest policy states (queried with
/// POST, every page through <c>@odata.nextLink</c>) and Microsoft.Authorization policy exemptions, sent through the ARM
/// client's pipeline.
/// </summary>
public sealed class ArmPolicyCompliance(ArmClient client) : IPolicyCompliance
{
    /// <summary>A bound on following next links, so a service that keeps answering one cannot hold a request forever.</summary>
    private const int MaxPages = 500;

    private readonly ArmRawCalls raw = new(client);

    public async Task<IReadOnlyList<PolicyStateRecord>> GetPolicyStatesAsync(
        string resourceGroupId, string policySetDefinitionName, CancellationToken cancellationToken)
    {
        var filter = Uri.EscapeDataString($"policySetDefinitionName eq '{policySetDefinitionName}'");
        var first = $"{resourceGroupId}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults" +
                    $"?api-version={ArmApiVersions.PolicyStates}&$filter={filter}";
        // Policy Insights pages query results with a link that is POSTed again, like the first query.
        var pages = await ReadPagesAsync(RequestMethod.Post, first, "@odata.nextLink", cancellationToken);
        return [.. pages.Select(ToState)];
    }

    public async Task<IReadOnlyList<PolicyExemptionRecord>> GetPolicyExemptionsAsync(string resourceGroupId, CancellationToken cancellationToken)
    {
        var first = $"{resourceGroupId}/providers/Microsoft.Authorization/policyExemptions?api-version={ArmApiVersions.PolicyExemptions}";
        var pages = await ReadPagesAsync(RequestMethod.Get, first, "nextLink", cancellationToken);
        return [.. pages.Select(ToExemption)];
    }

    private async Task<List<JsonObject>> ReadPagesAsync(RequestMethod method, string first, string nextLinkName, CancellationToken cancellationToken)
    {
        var values = new List<JsonObject>();
        string? next = first;
        for (var page = 0; next is not null; page++)
        {
            if (page == MaxPages)
            {
                throw new AzureOperationException("TooManyPages", $"Azure Resource Manager kept answering next links after {MaxPages} pages.", null, isTransient: false);
            }

            var answer = await SendAsync(method, next, cancellationToken);
            values.AddRange((answer["value"] as JsonArray ?? []).OfType<JsonObject>());
            next = NextPath(answer[nextLinkName]?.GetValue<string>());
        }

        return values;
    }

    /// <summary>ARM's errors, and no answer at all, arrive as <see cref="AzureOperationException"/> (<see cref="ArmRawCalls"/>).</summary>
    private Task<JsonObject> SendAsync(RequestMethod method, string pathAndQuery, CancellationToken cancellationToken) =>
        raw.SendAsync(method, pathAndQuery, null, cancellationToken);

    /// <summary>
    /// A next link is absolute; only its path and query are followed, on the client's own endpoint, so the
    /// credential is never sent to a host a response names.
    /// </summary>
    private static string? NextPath(string? nextLink) =>
        string.IsNullOrEmpty(nextLink) ? null
        : nextLink.StartsWith('/') ? nextLink
        : Uri.TryCreate(nextLink, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery
        : throw new AzureOperationException("InvalidNextLink", $"Azure Resource Manager answered a next link that is not a URL: {nextLink}", null, isTransient: false);

    private static PolicyStateRecord ToState(JsonObject state) => new(
        Text(state, "resourceId"),
        Text(state, "complianceState") is { Length: > 0 } compliance ? compliance
            : state["isCompliant"]?.GetValue<bool>() == true ? PolicyStateRecord.Compliant : PolicyStateRecord.NonCompliant,
        Text(state, "policyAssignmentId"),
        Text(state, "policyDefinitionName"),
        Text(state, "policyDefinitionReferenceId"),
        [.. (state["policyDefinitionGroupNames"] as JsonArray ?? []).Select(g => g?.GetValue<string>()).OfType<string>()]);

    private static PolicyExemptionRecord ToExemption(JsonObject exemption)
    {
        var properties = exemption["properties"] as JsonObject ?? [];
        var expires = Text(properties, "expiresOn");
        return new PolicyExemptionRecord(
            Text(exemption, "id"),
            Text(properties, "displayName") is { Length: > 0 } displayName ? displayName : Text(exemption, "name"),
            properties["description"]?.GetValue<string>(),
            Text(properties, "exemptionCategory"),
            Text(properties, "policyAssignmentId"),
            [.. (properties["policyDefinitionReferenceIds"] as JsonArray ?? []).Select(r => r?.GetValue<string>()).OfType<string>()],
            DateTimeOffset.TryParse(expires, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
                ? at
                : null);
    }

    private static string Text(JsonObject json, string name) => json[name]?.GetValue<string>() ?? "";
}
