using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Updates;

/// <summary>
/// Two portal instances on one database and one simulated Azure, after a release rolled out: three initialized clusters
/// (one of which Azure refuses to upgrade), one not initialized and one failed. Both instances rolled out at once.
/// </summary>
public sealed class RolledOutPortal : IAsyncLifetime
{
    public static readonly DateOnly T0 = new(2026, 3, 15);

    public static readonly ComponentVersions Q2 = new("1.32.4", "2.22.0", "2.22.0");

    private readonly PortalFactory secondHost;
    private readonly WebApplicationFactory<Program> second;

    public RolledOutPortal()
    {
        var database = PortalFactory.NewDatabaseFile();
        First = PortalFactory.On(database);
        Azure = First.Services.GetRequiredService<ArmSimulator>();
        secondHost = PortalFactory.On(database);
        second = secondHost.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton(Azure)));
    }

    public PortalFactory First { get; }

    public ArmSimulator Azure { get; }

    public Dictionary<string, Guid> Clusters { get; } = [];

    public Guid ReleaseId { get; private set; }

    /// <summary>Update runs queued by each of the rollout passes run at the same time, before and after T0.</summary>
    public int QueuedBeforeT0 { get; private set; }

    public IReadOnlyList<int> QueuedAtT0 { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _ = second.Services;
        var manager = await PortalSession.SignedInAsync(First, DemoAccounts.ContosoManager.Email);
        var flow = new ClusterFlow(First, manager);
        foreach (var name in new[] { "upd-a", "upd-b", "upd-drift" })
        {
            Clusters[name] = await flow.CreateAndInitializeAsync(name);
        }

        foreach (var id in Clusters.Values)
        {
            await flow.AssertInitializedAsync(id);
        }

        Clusters["upd-new"] = await DemoClusters.AddAsync(First, DemoAccounts.Contoso, "upd-new", ClusterStatus.ReadyToInitialize);
        Clusters["upd-failed"] = await DemoClusters.AddAsync(First, DemoAccounts.Contoso, "upd-failed", ClusterStatus.Failed);

        // Someone upgraded or changed this cluster's AKS outside the portal: from 1.30, AKS refuses to skip to 1.32.
        var drifted = Azure.Resources.Single(r => r.Id.EndsWith("/upd-drift-aks", StringComparison.Ordinal));
        ((JsonObject)drifted.Body["properties"]!)["kubernetesVersion"] = "1.30.9";

        var admin = await PortalSession.SignedInAsync(First, DemoAccounts.Administrator.Email);
        ReleaseId = await Releases.PublishedAsync(admin, "2026 Q2", Q2.Kubernetes, Q2.Operator, T0);
        QueuedBeforeT0 = await RollOutAsync(First);

        var untilT0 = ServiceRelease.StartOf(T0) - PortalFactory.Start;
        First.Clock.Advance(untilT0);
        secondHost.Clock.Advance(untilT0);
        QueuedAtT0 = await Task.WhenAll(RollOutAsync(First), RollOutAsync(second), RollOutAsync(First), RollOutAsync(second));
        await Releases.WaitForUpdateRunsAsync(First);

        // The pass after the last run ends sees every outcome and marks the release rolled out.
        await RollOutAsync(First);
    }

    public static Task<int> RollOutAsync(WebApplicationFactory<Program> instance) =>
        instance.Services.GetRequiredService<ReleaseRollout>().RollOutDueAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        await second.DisposeAsync();
        await secondHost.DisposeAsync();
        await First.DisposeAsync();
    }
}
