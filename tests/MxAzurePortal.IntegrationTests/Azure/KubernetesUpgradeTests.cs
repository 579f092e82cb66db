using System.Text.Json.Nodes;
using MxAzurePortal.Application.Azure;

namespace MxAzurePortal.IntegrationTests.Azure;

/// <summary>Kubernetes upgrades through the ARM adapter: the simulator takes them like AKS does, and refuses what AKS refuses.</summary>
public sealed class KubernetesUpgradeTests : IAsyncLifetime
{
    private const string Aks = ArmSandbox.Group + "/providers/Microsoft.ContainerService/managedClusters/upgrade-aks";
    private readonly ArmSandbox sandbox = new(o => o.LatencySeconds["Microsoft.ContainerService/managedClusters"] = 10);

    public async Task InitializeAsync()
    {
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(ArmSandbox.Group, "westeurope"), CancellationToken.None);
        await sandbox.Adapter.PutAsync(new AzureResourceRequest(Aks, "westeurope")
        {
            Properties = new JsonObject { ["dnsPrefix"] = "upgrade", ["kubernetesVersion"] = "1.31.2" },
        }, CancellationToken.None);
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task One_minor_version_up_is_a_long_running_PUT_that_ends_with_the_new_version()
    {
        var state = await sandbox.Adapter.PatchAsync(Aks, Version("1.32.4"), CancellationToken.None);

        Assert.Equal("Succeeded", state.ProvisioningState);
        Assert.Equal("1.32.4", state.Properties!["kubernetesVersion"]!.GetValue<string>());
        var operations = sandbox.Simulator.Requests.SkipWhile(r => !(r.Method == "PUT" && r.Path == Aks)).Skip(1).Where(r => r.Path.Contains("/operationStatuses/", StringComparison.Ordinal));
        Assert.True(operations.Count() >= 2, "The adapter polls the operation until it ends.");
    }

    [Theory]
    [InlineData("1.33.0", "Upgrading Kubernetes version 1.31.2 to 1.33.0 is not allowed. Available upgrades: [1.32.x")]
    [InlineData("1.30.9", "Downgrading Kubernetes version 1.31.2 to 1.30.9 is not allowed.")]
    public async Task A_skipped_minor_version_or_a_downgrade_is_refused_at_once_with_AKSs_error(string version, string message)
    {
        var error = await Assert.ThrowsAsync<AzureOperationException>(() => sandbox.Adapter.PatchAsync(Aks, Version(version), CancellationToken.None));

        Assert.Equal("OperationNotAllowed", error.Code);
        Assert.Equal(400, error.Status);
        Assert.False(error.IsTransient);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Equal("1.31.2", (await sandbox.Adapter.GetAsync(Aks, CancellationToken.None))!.Properties!["kubernetesVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_upgrade_refused_while_an_earlier_one_still_runs_waits_for_it_and_is_then_applied()
    {
        // The earlier upgrade was started by a worker that stopped while it waited; AKS still runs it (2 s here).
        await using var slow = new ArmSandbox(o => o.LatencySeconds["Microsoft.ContainerService/managedClusters"] = 100);
        await slow.Adapter.PutAsync(new AzureResourceRequest(ArmSandbox.Group, "westeurope"), CancellationToken.None);
        await slow.Adapter.PutAsync(new AzureResourceRequest(Aks, "westeurope")
        {
            Properties = new JsonObject { ["dnsPrefix"] = "upgrade", ["kubernetesVersion"] = "1.31.2" },
        }, CancellationToken.None);
        using var earlier = new HttpRequestMessage(HttpMethod.Put, $"{MxAzurePortal.Sandbox.Arm.ArmSimulatorOptions.PublicEndpoint}{Aks}?api-version=2025-10-01")
        {
            Content = new StringContent("""{"location":"westeurope","properties":{"dnsPrefix":"upgrade","kubernetesVersion":"1.32.4"}}""",
                System.Text.Encoding.UTF8, "application/json"),
        };
        earlier.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "sandbox");
        Assert.True((await slow.Http.SendAsync(earlier)).IsSuccessStatusCode);

        var state = await slow.Adapter.PatchAsync(Aks, Version("1.32.4"), CancellationToken.None);

        Assert.Equal("Succeeded", state.ProvisioningState);
        Assert.Equal("1.32.4", state.Properties!["kubernetesVersion"]!.GetValue<string>());
        var writes = slow.Simulator.Requests.Where(r => r.Method == "PUT" && r.Path == Aks).Select(r => r.Status).ToList();
        Assert.Equal([201, 200, 409, 200], writes);
    }

    private static JsonObject Version(string version) => new() { ["properties"] = new JsonObject { ["kubernetesVersion"] = version } };
}
