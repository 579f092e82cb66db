using MxAzurePortal.Application.Azure;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Compliance;
using MxAzurePortal.Infrastructure.Azure;
using MxAzurePortal.Sandbox.Hosting;

namespace MxAzurePortal.IntegrationTests.Azure;

/// <summary>The Azure Policy adapter through the real Azure SDK pipeline against the ARM simulator over loopback HTTP.</summary>
public sealed class ArmPolicyComplianceTests : IAsyncLifetime
{
    private readonly ArmSandbox sandbox = new();

    private readonly ClusterNames names = new(Guid.Parse("0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0"), "policy", new ClusterSettings
    {
        SubscriptionId = ArmSandbox.Subscription,
        ResourceGroup = "rg-mendix",
        Region = "westeurope",
        GrafanaAccess = GrafanaAccess.Public,
    });

    public async Task InitializeAsync()
    {
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(ArmSandbox.Group, "westeurope"), CancellationToken.None);
        foreach (var request in new[] { ClusterBlueprint.StorageAccount(names), ClusterBlueprint.ManagedGrafana(names), ClusterBlueprint.KubernetesCluster(names) })
        {
            await sandbox.Adapter.PutAsync(request, CancellationToken.None);
        }

        sandbox.Simulator.ClearRequests();
    }

    [Fact]
    public async Task Policy_states_are_queried_with_the_pinned_version_and_every_next_link_is_followed()
    {
        var states = await sandbox.Policies.GetPolicyStatesAsync(names.ResourceGroupId, ComplianceService.Soc2InitiativeName, CancellationToken.None);

        // Four storage policies, Grafana's network access, two on AKS and one on its node pool: more than a page holds.
        Assert.Equal(8, states.Count);
        Assert.Equal(8, states.Select(s => (s.ResourceId, s.PolicyDefinitionReferenceId)).Distinct().Count());
        var queries = sandbox.RequestsTo("/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults");
        Assert.Equal(2, queries.Count);
        Assert.All(queries, q => Assert.Equal(("POST", "2019-10-01", 200), (q.Method, q.ApiVersion, q.Status)));
        var grafana = Assert.Single(states, s => s.ResourceId.Equals(names.Grafana, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(("NonCompliant", "e8775d5a-73b7-4977-a39b-833ef0114628"), (grafana.ComplianceState, grafana.PolicyDefinitionName));
        Assert.Equal(["SOC_2_CC6.6"], grafana.GroupNames);
        Assert.All(states.Where(s => s.ResourceId.Equals(names.StorageAccount, StringComparison.OrdinalIgnoreCase)),
            s => Assert.Equal("Compliant", s.ComplianceState));
    }

    [Fact]
    public async Task Another_initiative_has_no_states_here()
    {
        var states = await sandbox.Policies.GetPolicyStatesAsync(names.ResourceGroupId, "89c6cddc-1c73-4ac1-b19c-54d1a15a42f2", CancellationToken.None);

        Assert.Empty(states);
    }

    [Fact]
    public async Task Exemptions_carry_their_category_policies_and_expiry()
    {
        var exemptions = await sandbox.Policies.GetPolicyExemptionsAsync(names.ResourceGroupId, CancellationToken.None);

        var request = Assert.Single(sandbox.RequestsTo("/providers/Microsoft.Authorization/policyExemptions"));
        Assert.Equal(("GET", "2022-07-01-preview"), (request.Method, request.ApiVersion));
        var mitigated = Assert.Single(exemptions, e => e.Category == "Mitigated");
        Assert.StartsWith("Managed by Mendix: node OS patching", mitigated.DisplayName, StringComparison.Ordinal);
        Assert.Equal(["systemUpdatesInstalled"], mitigated.PolicyDefinitionReferenceIds);
        Assert.Null(mitigated.ExpiresOn);
        Assert.Equal(ArmSandbox.Group, mitigated.Scope, ignoreCase: true);
        var waiver = Assert.Single(exemptions, e => e.Category == "Waiver");
        Assert.NotNull(waiver.ExpiresOn);
        Assert.False(string.IsNullOrWhiteSpace(waiver.Description));
    }

    [Fact]
    public async Task A_resource_group_that_does_not_exist_surfaces_as_ARMs_error()
    {
        var error = await Assert.ThrowsAsync<AzureOperationException>(() => sandbox.Policies.GetPolicyStatesAsync(
            $"/subscriptions/{ArmSandbox.Subscription}/resourceGroups/rg-missing", ComplianceService.Soc2InitiativeName, CancellationToken.None));

        Assert.Equal(("ResourceGroupNotFound", 404, false), (error.Code, error.Status, error.IsTransient));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task A_Resource_Manager_that_does_not_answer_surfaces_as_a_transient_AzureOperationException(int retries)
    {
        // Nothing listens on the discard port: every attempt fails before any answer.
        var options = new AzureOptions { ResourceManagerEndpoint = new Uri("https://127.0.0.1:9"), MaxRetries = retries };
        using var http = new HttpClient();
        var unreachable = new ArmPolicyCompliance(ArmClientSetup.CreateClient(new SandboxTokenCredential(TimeProvider.System), options, http));

        var error = await Assert.ThrowsAsync<AzureOperationException>(() =>
            unreachable.GetPolicyExemptionsAsync(names.ResourceGroupId, CancellationToken.None));

        Assert.Equal(("ServiceUnreachable", true), (error.Code, error.IsTransient));
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();
}
