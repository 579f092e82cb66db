using System.Text.Json.Nodes;
using MxAzurePortal.Application.Azure;
using MxAzurePortal.Sandbox.Arm;

namespace MxAzurePortal.IntegrationTests.Azure;

/// <summary>The ARM adapter through the real Azure SDK pipeline against the ARM simulator over loopback HTTP.</summary>
public sealed class ArmAzureResourcesTests : IAsyncLifetime
{
    private const string Aks = ArmSandbox.Group + "/providers/Microsoft.ContainerService/managedClusters/contoso-aks";
    private readonly ArmSandbox sandbox = new(o => o.LatencySeconds["Microsoft.ContainerService/managedClusters"] = 5);

    public async Task InitializeAsync() =>
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(ArmSandbox.Group, "westeurope"), CancellationToken.None);

    [Fact]
    public async Task A_PUT_sends_the_pinned_api_version_and_body_then_polls_until_Succeeded()
    {
        var request = new AzureResourceRequest(Aks, "westeurope")
        {
            Sku = new AzureSku("Base", "Standard"),
            SystemAssignedIdentity = true,
            Properties = new JsonObject { ["dnsPrefix"] = "contoso", ["supportPlan"] = "KubernetesOfficial" },
            Tags = new Dictionary<string, string> { ["mx-cluster"] = "contoso" },
        };

        var state = await sandbox.Adapter.PutAsync(request, CancellationToken.None);

        Assert.Equal("Succeeded", state.ProvisioningState);
        var put = Assert.Single(sandbox.Simulator.Requests, r => r.Method == "PUT" && r.Path.EndsWith("/managedClusters/contoso-aks", StringComparison.Ordinal));
        Assert.Equal("2025-10-01", put.ApiVersion);
        var body = JsonNode.Parse(put.Body!)!;
        Assert.Equal("Standard", body["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("SystemAssigned", body["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("contoso", body["properties"]!["dnsPrefix"]!.GetValue<string>());
        Assert.Equal("contoso", body["tags"]!["mx-cluster"]!.GetValue<string>());
        Assert.Equal(201, put.Status);
        Assert.Contains(sandbox.Simulator.Requests, r => r.Method == "GET" && r.Path.Contains("/operationStatuses/", StringComparison.Ordinal)
            && r.Path.Contains("/providers/Microsoft.ContainerService/locations/westeurope/", StringComparison.Ordinal));
        Assert.DoesNotContain(sandbox.Simulator.Requests, r => r.Status == 401 || r.ApiVersion is null);
    }

    [Fact]
    public async Task Throttling_is_retried_after_the_servers_Retry_After()
    {
        sandbox.Simulator.Options.ThrottleEveryNthRequest = 2;

        var state = await sandbox.Adapter.PutAsync(new AzureResourceRequest(ArmSandbox.Group + "/providers/Microsoft.Storage/storageAccounts/mxcontoso01", "westeurope")
        {
            Kind = "StorageV2",
            Sku = new AzureSku("Standard_LRS"),
        }, CancellationToken.None);

        Assert.Equal("Succeeded", state.ProvisioningState);
        Assert.Contains(sandbox.Simulator.Requests, r => r.Status == 429);
        Assert.Single(sandbox.Simulator.Resources, r => r.Id.EndsWith("/mxcontoso01", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conflict_surfaces_as_a_transient_failure_with_ARMs_code()
    {
        sandbox.Simulator.Options.ConflictPuts["Microsoft.ContainerService/managedClusters"] = 1;

        var error = await Assert.ThrowsAsync<AzureOperationException>(() =>
            sandbox.Adapter.PutAsync(new AzureResourceRequest(Aks, "westeurope") { Properties = [] }, CancellationToken.None));

        Assert.Equal("AnotherOperationInProgress", error.Code);
        Assert.Equal(409, error.Status);
        Assert.True(error.IsTransient);
    }

    [Fact]
    public async Task A_failed_long_running_operation_carries_ARMs_error_and_is_permanent()
    {
        sandbox.Simulator.Options.FailPuts["Microsoft.DBforPostgreSQL/flexibleServers"] = 1;

        var error = await Assert.ThrowsAsync<AzureOperationException>(() => sandbox.Adapter.PutAsync(
            new AzureResourceRequest(ArmSandbox.Group + "/providers/Microsoft.DBforPostgreSQL/flexibleServers/contoso-pg", "westeurope")
            {
                Sku = new AzureSku("Standard_D2ds_v5", "GeneralPurpose"),
                Properties = new JsonObject { ["version"] = "16" },
            }, CancellationToken.None));

        Assert.Equal("InternalServerError", error.Code);
        Assert.Contains("contoso-pg", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Equal("2025-08-01", sandbox.RequestsTo("/flexibleServers/contoso-pg")[0].ApiVersion);
    }

    [Fact]
    public async Task Get_and_delete_are_idempotent()
    {
        var id = ArmSandbox.Group + "/providers/Microsoft.ContainerRegistry/registries/mxcontosoacr";
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(id, "westeurope") { Sku = new AzureSku("Premium") }, CancellationToken.None);

        Assert.NotNull(await sandbox.Adapter.GetAsync(id, CancellationToken.None));
        await sandbox.Adapter.DeleteAsync(id, CancellationToken.None);
        await sandbox.Adapter.DeleteAsync(id, CancellationToken.None);

        Assert.Null(await sandbox.Adapter.GetAsync(id, CancellationToken.None));
        Assert.Contains(sandbox.RequestsTo("/registries/mxcontosoacr"), r => r.Method == "DELETE" && r.Status == 202);
        Assert.Contains(sandbox.RequestsTo("/registries/mxcontosoacr"), r => r.Method == "DELETE" && r.Status == 204);
    }

    [Fact]
    public async Task Preflight_lookups_read_what_the_subscription_offers()
    {
        sandbox.Simulator.Options.UnregisteredProviders.Add("Microsoft.Dashboard");
        sandbox.Simulator.Options.UnavailableSkus.Add("westeurope/Standard_E8s_v5");
        sandbox.Simulator.Options.TakenNames.Add("mxtaken");

        var access = await sandbox.Adapter.GetSubscriptionAccessAsync(ArmSandbox.Subscription, "manager@contoso.example", CancellationToken.None);
        var providers = await sandbox.Adapter.GetProviderRegistrationsAsync(
            ArmSandbox.Subscription, ["Microsoft.ContainerService", "Microsoft.Dashboard"], CancellationToken.None);
        var offer = await sandbox.Adapter.GetRegionOfferAsync(ArmSandbox.Subscription, "westeurope", CancellationToken.None);
        var taken = await sandbox.Adapter.CheckNameAvailabilityAsync(ArmSandbox.Subscription, GlobalNameKind.StorageAccount, "mxtaken", CancellationToken.None);
        var free = await sandbox.Adapter.CheckNameAvailabilityAsync(ArmSandbox.Subscription, GlobalNameKind.ContainerRegistry, "mxfree", CancellationToken.None);

        Assert.True(access.Reachable && access.HasOwnerRole);
        Assert.True(providers["Microsoft.ContainerService"]);
        Assert.False(providers["Microsoft.Dashboard"]);
        Assert.Contains("Standard_D4s_v5", offer.VmSizes);
        Assert.DoesNotContain("Standard_E8s_v5", offer.VmSizes);
        Assert.Contains("Standard_D2ds_v5", offer.PostgresSkus);
        Assert.True(offer.RegionalQuota.Limit > 0);
        Assert.False(taken.Available);
        Assert.True(free.Available);
        Assert.Contains(sandbox.Simulator.Requests, r => r.Path.EndsWith("/roleAssignments", StringComparison.Ordinal) && r.ApiVersion == "2022-04-01");
    }

    [Fact]
    public async Task An_unreachable_subscription_or_a_missing_Owner_role_is_reported()
    {
        sandbox.Simulator.Options.UnreachableSubscriptions.Add("00000000-0000-0000-0000-000000000001");
        sandbox.Simulator.Options.SubscriptionsWithoutOwner.Add("00000000-0000-0000-0000-000000000002");

        var unreachable = await sandbox.Adapter.GetSubscriptionAccessAsync("00000000-0000-0000-0000-000000000001", "x", CancellationToken.None);
        var reader = await sandbox.Adapter.GetSubscriptionAccessAsync("00000000-0000-0000-0000-000000000002", "x", CancellationToken.None);

        Assert.False(unreachable.Reachable);
        Assert.Contains("SubscriptionNotFound", unreachable.Problem, StringComparison.Ordinal);
        Assert.True(reader.Reachable);
        Assert.False(reader.HasOwnerRole);
    }

    [Fact]
    public async Task A_PATCH_sends_only_the_given_parts_and_waits_for_the_operation()
    {
        var postgres = ArmSandbox.Group + "/providers/Microsoft.DBforPostgreSQL/flexibleServers/mxpatch01";
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(postgres, "westeurope")
        {
            Sku = new AzureSku("Standard_D2ds_v5", "GeneralPurpose"),
            Properties = new JsonObject { ["version"] = "16" },
        }, CancellationToken.None);

        var state = await sandbox.Adapter.PatchAsync(postgres, new JsonObject { ["sku"] = new JsonObject { ["name"] = "Standard_D4ds_v5", ["tier"] = "GeneralPurpose" } },
            CancellationToken.None);

        var patch = Assert.Single(sandbox.Simulator.Requests, r => r.Method == "PATCH");
        Assert.Equal("""{"sku":{"name":"Standard_D4ds_v5","tier":"GeneralPurpose"}}""", patch.Body);
        Assert.Equal("2025-08-01", patch.ApiVersion);
        Assert.Equal("Succeeded", state.ProvisioningState);
        Assert.Equal("16", state.Properties!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_to_a_managed_cluster_is_a_read_and_a_PUT_of_the_whole_because_AKSs_PATCH_changes_only_tags()
    {
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(Aks, "westeurope")
        {
            Sku = new AzureSku("Base", "Free"),
            Properties = new JsonObject { ["dnsPrefix"] = "contoso", ["supportPlan"] = "KubernetesOfficial" },
            Tags = new Dictionary<string, string> { ["team"] = "apps" },
        }, CancellationToken.None);

        var state = await sandbox.Adapter.PatchAsync(Aks, new JsonObject { ["sku"] = new JsonObject { ["name"] = "Base", ["tier"] = "Standard" } },
            CancellationToken.None);

        Assert.DoesNotContain(sandbox.Simulator.Requests, r => r.Method == "PATCH");
        var put = JsonNode.Parse(sandbox.Simulator.Requests.Last(r => r.Method == "PUT" && r.Path == Aks).Body!)!;
        Assert.Equal("Standard", put["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("contoso", put["properties"]!["dnsPrefix"]!.GetValue<string>());
        Assert.Equal("apps", put["tags"]!["team"]!.GetValue<string>());
        Assert.Equal("Succeeded", state.ProvisioningState);
        Assert.Equal("Standard", StoredSkuTier());
    }

    [Fact]
    public async Task The_simulated_AKS_ignores_all_but_the_tags_of_a_PATCH_as_AKS_does()
    {
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(Aks, "westeurope") { Sku = new AzureSku("Base", "Free") }, CancellationToken.None);
        using var patch = new HttpRequestMessage(HttpMethod.Patch, $"{ArmSimulatorOptions.PublicEndpoint}{Aks}?api-version=2025-10-01")
        {
            Content = new StringContent("""{"sku":{"name":"Base","tier":"Standard"},"tags":{"team":"apps"}}""", System.Text.Encoding.UTF8, "application/json"),
        };
        patch.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sandbox");

        using var response = await sandbox.Http.SendAsync(patch);

        Assert.True(response.IsSuccessStatusCode);
        Assert.Equal("Free", StoredSkuTier());
        Assert.Equal("apps", (await sandbox.Adapter.GetAsync(Aks, CancellationToken.None))!.Tags["team"]);
    }

    private string? StoredSkuTier() =>
        sandbox.Simulator.Resources.Single(r => r.Id == Aks).Body["sku"]?["tier"]?.GetValue<string>();

    [Fact]
    public async Task Tags_are_replaced_through_the_tags_resource()
    {
        var storage = ArmSandbox.Group + "/providers/Microsoft.Storage/storageAccounts/mxtags01";
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(storage, "westeurope")
        {
            Tags = new Dictionary<string, string> { ["old"] = "1" },
        }, CancellationToken.None);

        await sandbox.Adapter.SetTagsAsync(storage, new Dictionary<string, string> { ["team"] = "apps" }, CancellationToken.None);

        var put = Assert.Single(sandbox.Simulator.Requests, r => r.Path == storage + "/providers/Microsoft.Resources/tags/default");
        Assert.Equal("2024-03-01", put.ApiVersion);
        Assert.Equal("apps", JsonNode.Parse(put.Body!)!["properties"]!["tags"]!["team"]!.GetValue<string>());
        var tags = (await sandbox.Adapter.GetAsync(storage, CancellationToken.None))!.Tags;
        Assert.Equal(new Dictionary<string, string> { ["team"] = "apps" }, tags);
    }

    [Fact]
    public async Task A_node_pools_VM_size_cannot_change_in_place()
    {
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(Aks, "westeurope")
        {
            Properties = new JsonObject
            {
                ["agentPoolProfiles"] = new JsonArray(new JsonObject { ["name"] = "system", ["vmSize"] = "Standard_D4s_v5", ["mode"] = "System" }),
            },
        }, CancellationToken.None);

        var error = await Assert.ThrowsAsync<AzureOperationException>(() => sandbox.Adapter.PutAsync(
            new AzureResourceRequest(Aks + "/agentPools/system", null) { Properties = new JsonObject { ["vmSize"] = "Standard_D8s_v5" } },
            CancellationToken.None));

        Assert.Equal("PropertyChangeNotAllowed", error.Code);
        Assert.Contains("vmSize", error.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();
}
