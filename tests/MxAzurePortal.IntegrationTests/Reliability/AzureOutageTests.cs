using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Reliability;

/// <summary>
/// An initialization while the network to Azure Resource Manager fails: no answer at all, not an error answer. The
/// step retries it as it retries ARM's own transient errors, logs each attempt and then fails with a reason the
/// customer can act on; a Rerun once Azure answers again finishes the cluster.
/// </summary>
public sealed class AzureOutageTests : IAsyncLifetime
{
    private const string Postgres = "Microsoft.DBforPostgreSQL/flexibleServers";

    private readonly PortalFactory factory = PortalFactory.With(new Dictionary<string, string>
    {
        ["Azure:MaxRetries"] = "1",
        ["Runs:StepAttempts"] = "3",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task A_step_whose_PUTs_get_no_answer_fails_after_its_attempts_and_a_Rerun_finishes_the_cluster()
    {
        var session = await PortalSession.SignedInAsync(factory, DemoAccounts.ContosoManager.Email);
        var flow = new ClusterFlow(factory, session);
        flow.Arm.Options.DropPuts[Postgres] = 1_000;

        var id = await flow.CreateAndInitializeAsync("outage");

        Assert.Equal(ClusterStatus.Failed, await flow.WaitForRunAsync(id));
        var step = await factory.WithDatabaseAsync(db => db.RunSteps.SingleAsync(s => s.Run!.ClusterId == id && s.Key == "postgresql"));
        Assert.Equal((StepStatus.Failed, "ServiceUnreachable"), (step.Status, step.ErrorCode));
        var log = await factory.WithDatabaseAsync(db => db.RunStepLogs.Where(l => l.StepId == step.Id).OrderBy(l => l.Id).Select(l => l.Message).ToListAsync());
        Assert.Contains(log, m => m.StartsWith("Attempt 1 of 3 failed with ServiceUnreachable", StringComparison.Ordinal));
        Assert.Contains(log, m => m.StartsWith("Attempt 2 of 3 failed with ServiceUnreachable", StringComparison.Ordinal));
        Assert.Contains(log, m => m.StartsWith("Failed with ServiceUnreachable: Azure Resource Manager could not be reached.", StringComparison.Ordinal));
        var alert = (await session.GetDocumentAsync($"/Clusters/{id}")).QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("Azure Resource Manager could not be reached", alert, StringComparison.Ordinal);

        flow.Arm.Options.DropPuts.Clear();
        await flow.RerunAsync(id);

        await flow.AssertInitializedAsync(id);
        Assert.Single(flow.Arm.Resources, r => r.Type == Postgres && r.Id.Contains("/rg-outage/", StringComparison.Ordinal));
    }
}
