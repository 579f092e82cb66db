namespace MxAzurePortal.Application.Compliance;

/// <summary>
/// Azure Policy as the compliance summary reads it: the latest policy states of one initiative in a resource group,
/// and the policy exemptions that apply there. Failures surface as <see cref="Azure.AzureOperationException"/>.
/// </summary>
public interface IPolicyCompliance
{
    /// <summary>Every latest policy state in the resource group for the initiative (policy set definition) of that name.</summary>
    Task<IReadOnlyList<PolicyStateRecord>> GetPolicyStatesAsync(
        string resourceGroupId, string policySetDefinitionName, CancellationToken cancellationToken);

    /// <summary>Every policy exemption that applies in the resource group, expired ones included.</summary>
    Task<IReadOnlyList<PolicyExemptionRecord>> GetPolicyExemptionsAsync(string resourceGroupId, CancellationToken cancellationToken);
}
