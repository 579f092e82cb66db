using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Sandbox.Arm;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>Drives the guided cluster flow through the real forms, as a Cluster Manager in a browser would.</summary>
public sealed class ClusterFlow(PortalFactory factory, PortalSession session)
{
    public const string Subscription = "5c7f3a2b-9d1e-4f6a-8b2c-3d4e5f6a7b8c";

    public ArmSimulator Arm => factory.Services.GetRequiredService<ArmSimulator>();

    /// <summary>Step 1 (New) posted; answers the response, which redirects to the pre-flight checks on success.</summary>
    public async Task<HttpResponseMessage> CreateAsync(string name, string subscription = Subscription, bool createResourceGroup = true)
    {
        var form = await FormAsync("/Clusters/New");
        return await session.SubmitAsync(form, new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.SubscriptionId"] = subscription,
            ["Input.ResourceGroup"] = "rg-" + name,
            ["Input.CreateResourceGroup"] = createResourceGroup ? "true" : "false",
            ["Input.Region"] = "westeurope",
        });
    }

    /// <summary>All four steps; answers the cluster's id once its initialization has started.</summary>
    public async Task<Guid> CreateAndInitializeAsync(string name, IReadOnlyDictionary<string, string>? provision = null)
    {
        var created = await CreateAsync(name);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[2]);

        var provisioned = await session.SubmitAsync(await FormAsync($"/Clusters/{id}/Provision"), provision ?? new Dictionary<string, string>());
        Assert.True(provisioned.StatusCode == HttpStatusCode.Redirect, $"Provision answered {(int)provisioned.StatusCode}");

        var initialized = await InitializeAsync(id);
        Assert.True(initialized.StatusCode == HttpStatusCode.Redirect, $"Initialize answered {(int)initialized.StatusCode}");
        return id;
    }

    public async Task<HttpResponseMessage> InitializeAsync(Guid id) =>
        await session.SubmitAsync(await FormAsync($"/Clusters/{id}/Review"), new Dictionary<string, string>());

    /// <summary>Presses Rerun on the Cluster Overview.</summary>
    public async Task<HttpResponseMessage> RerunAsync(Guid id) =>
        await session.SubmitAsync(await FormAsync($"/Clusters/{id}", "form[action$='/Rerun']"), new Dictionary<string, string>());

    public async Task<IHtmlFormElement> FormAsync(string path, string selector = "main form")
    {
        var page = await session.GetDocumentAsync(path);
        return page.QuerySelector<IHtmlFormElement>(selector) ?? throw new InvalidOperationException($"No form '{selector}' on {path}");
    }

    /// <summary>Waits for the cluster's run to end and answers where the cluster then stands (null: deleted).</summary>
    public async Task<ClusterStatus?> WaitForRunAsync(Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (DateTime.UtcNow < deadline)
        {
            var status = await factory.WithDatabaseAsync(db =>
                db.Clusters.Where(c => c.Id == id).Select(c => (ClusterStatus?)c.Status).SingleOrDefaultAsync());
            if (status is not (ClusterStatus.Initializing or ClusterStatus.Deleting))
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The run of cluster {id} did not end in time.");
    }

    /// <summary>Waits for the run and asserts the cluster ended Initialized, naming the failed steps otherwise.</summary>
    public async Task AssertInitializedAsync(Guid id)
    {
        var status = await WaitForRunAsync(id);
        var failures = await factory.WithDatabaseAsync(db => db.RunSteps
            .Where(s => s.Run!.ClusterId == id && s.Status == MxAzurePortal.Application.Runs.StepStatus.Failed)
            .Select(s => s.Key + ": " + s.ErrorCode + " " + s.ErrorMessage).ToListAsync());
        var log = await factory.WithDatabaseAsync(db => db.RunStepLogs
            .Where(l => db.RunSteps.Any(s => s.Id == l.StepId && s.Run!.ClusterId == id && s.Status == MxAzurePortal.Application.Runs.StepStatus.Failed))
            .OrderBy(l => l.Id).Select(l => l.Level + " " + l.Message).ToListAsync());
        Assert.True(status == ClusterStatus.Initialized,
            $"Cluster {id} ended {status}: {string.Join(" | ", failures)}\n{string.Join("\n", log)}");
    }

    public int ResourcesOfType(string type) =>
        Arm.Resources.Count(r => r.Type.Equals(type, StringComparison.OrdinalIgnoreCase));

    public int PutsTo(string pathEnd) =>
        Arm.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith(pathEnd, StringComparison.OrdinalIgnoreCase));
}
