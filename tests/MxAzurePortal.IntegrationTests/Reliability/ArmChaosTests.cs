using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Reliability;

/// <summary>
/// Initializations while Azure Resource Manager answers 409, 429 (with Retry-After), 500 and 503 at random: all finish,
/// every resource exists once, and every retry of a step is in that step's log.
/// </summary>
public sealed class ArmChaosTests : IAsyncLifetime
{
    private readonly PortalFactory factory = PortalFactory.With(new Dictionary<string, string>
    {
        // The Azure SDK retries once; what still fails is retried by the run, which logs it.
        ["Azure:MaxRetries"] = "1",
        ["Runs:StepAttempts"] = "12",
        ["Sandbox:Arm:RetryAfterMilliseconds"] = "50",
        ["Sandbox:Arm:FaultSeed"] = "20261126",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Three_initializations_under_random_faults_all_finish_without_duplicates_and_log_each_retry()
    {
        var manager = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var flow = new ClusterFlow(factory, manager);
        var clusters = new List<Guid>();
        foreach (var name in new[] { "chaos-a", "chaos-b", "chaos-c" })
        {
            clusters.Add(await flow.CreateAndInitializeAsync(name));
        }

        flow.Arm.Options.FaultRate = 0.15;
        foreach (var cluster in clusters)
        {
            await flow.AssertInitializedAsync(cluster);
        }

        flow.Arm.Options.FaultRate = 0;

        var steps = await factory.WithDatabaseAsync(db => db.RunSteps
            .Where(s => clusters.Contains(s.Run!.ClusterId))
            .Select(s => new
            {
                s.Key, s.Status, s.ResourceIds,
                Conflicts = db.RunStepLogs.Count(l => l.StepId == s.Id && l.Message.Contains("Retrying in") && l.Message.Contains("AnotherOperationInProgress")),
                Retries = db.RunStepLogs.Count(l => l.StepId == s.Id && l.Message.Contains("Retrying in")),
            })
            .ToListAsync());
        var resources = flow.Arm.Resources.Where(r => r.Id.Contains("/resourceGroups/", StringComparison.OrdinalIgnoreCase)).ToList();
        var duplicates = resources.Count - resources.Select(r => r.Id.ToUpperInvariant()).Distinct().Count();
        var faults = flow.Arm.Faults;

        // The Azure SDK does not retry a 409, so each one on a step's resource must be a retry in that step's log.
        var conflicts = faults.Where(f => f.Status == 409 && f.Method is "PUT" or "PATCH").ToList();
        var unlogged = conflicts.Where(f => !steps.Any(s => s.Conflicts > 0 && s.ResourceIds.Split('\n').Any(id => f.Path.StartsWith(id, StringComparison.OrdinalIgnoreCase)))).ToList();
        ReliabilityReport.Add($"arm chaos: 3 initializations, {faults.Count} faults ({string.Join(", ", faults.GroupBy(f => f.Status).OrderBy(g => g.Key).Select(g => $"{g.Count()}x {g.Key}"))}), " +
            $"{clusters.Count} initialized, {steps.Sum(s => s.Retries)} step retries logged, {unlogged.Count} unlogged, {duplicates} duplicate resources");

        Assert.True(faults.Count > 10, "the chaos hardly happened");
        Assert.All(steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.NotEmpty(conflicts);
        Assert.Empty(unlogged);
        Assert.Equal(0, duplicates);
        Assert.Equal(3, flow.ResourcesOfType("Microsoft.ContainerService/managedClusters"));
        Assert.Single(resources.GroupBy(r => r.Id.Split('/')[4], StringComparer.OrdinalIgnoreCase).Select(g => g.Count()).Distinct());
    }
}
