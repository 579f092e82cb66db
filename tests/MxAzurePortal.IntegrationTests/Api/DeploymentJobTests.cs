using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Deployments;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using MxAzurePortal.Sandbox.Hosting;
using MxAzurePortal.Sandbox.MendixOnKubernetes;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>Deployments are durable jobs through Mendix on Kubernetes' Deploy API: 202, Location, poll until finished.</summary>
public sealed class DeploymentJobTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private MendixDeploySimulator Simulator => factory.Services.GetRequiredService<MendixDeploySimulator>();

    [Fact]
    public async Task A_deployment_answers_202_with_a_location_and_finishes_through_mendix_on_kubernetes()
    {
        var (manager, cluster, environment) = await TargetAsync("pipeline");
        var requestsBefore = Simulator.Requests;

        var response = await manager.DeployAsync(cluster, environment, MdaFiles.WithRuntime("10.24.3.55555"));
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var job = await manager.AwaitJobAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/v1/jobs/{accepted.GetProperty("id").GetGuid()}", response.Headers.Location!.OriginalString);
        Assert.False(accepted.GetProperty("finished").GetBoolean());
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal("Running", job.GetProperty("progress").GetString());
        Assert.True(Simulator.Requests - requestsBefore >= 2 + Simulator.StepsToFinish, "upload, start and status reads went to Mendix on Kubernetes");
        var actions = await factory.WithDatabaseAsync(db => db.ActivityEntries.Where(a => a.ClusterId == cluster).OrderBy(a => a.Id)
            .Select(a => a.Action + " by " + a.Actor).ToListAsync());
        Assert.Contains("DeploymentRequested by Casey Manager via API token pipeline", actions);
        Assert.Contains("DeploymentSucceeded by Mendix on Azure", actions);
    }

    [Fact]
    public async Task A_package_uploaded_earlier_is_deployed_by_reference()
    {
        var (manager, cluster, environment) = await TargetAsync();
        var upload = await manager.Client.PostAsync(new Uri("/api/v1/packages", UriKind.Relative), MdaFiles.Form(MdaFiles.WithRuntime("10.18.0")));
        var packageId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await manager.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster}/environments/{environment}/deployments", new { packageId });
        var busy = await manager.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster}/environments/{environment}/deployments", new { packageId });
        var job = await manager.AwaitJobAsync(response.Headers.Location!);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, busy.StatusCode);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(packageId, job.GetProperty("packageId").GetGuid());
    }

    [Fact]
    public async Task An_outage_of_mendix_on_kubernetes_delays_the_job_and_loses_nothing()
    {
        var (manager, cluster, environment) = await TargetAsync();
        var service = factory.Services.GetRequiredService<MendixOnKubernetesSimulator>();
        service.Available = false;
        try
        {
            var response = await manager.DeployAsync(cluster, environment, MdaFiles.WithRuntime("10.24.3"));
            var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            var retried = await WaitAsync(async () => await factory.WithDatabaseAsync(db => db.DeploymentJobs.SingleAsync(j => j.Id == id)), j => j.Attempts >= 2);
            Assert.Null(retried.FinishedAt);
            Assert.Contains("503", retried.LastError, StringComparison.Ordinal);

            service.Available = true;
            var job = await manager.AwaitJobAsync(response.Headers.Location!);

            Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        }
        finally
        {
            service.Available = true;
        }
    }

    [Fact]
    public async Task A_deployment_that_fails_in_the_cluster_is_recorded_as_failed()
    {
        var (manager, cluster, environment) = await TargetAsync();
        Simulator.FailDeployments = true;
        try
        {
            var response = await manager.DeployAsync(cluster, environment, MdaFiles.WithRuntime("10.24.3"));
            var job = await manager.AwaitJobAsync(response.Headers.Location!);
            var state = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{cluster}/environments/{environment}");

            Assert.Equal("Failed", job.GetProperty("status").GetString());
            Assert.Contains("The app did not start", job.GetProperty("error").GetString(), StringComparison.Ordinal);
            Assert.Equal("Failed", state.GetProperty("status").GetString());
            Assert.True(await factory.WithDatabaseAsync(db => db.ActivityEntries.AnyAsync(a => a.ClusterId == cluster && a.Action == "DeploymentFailed")));
        }
        finally
        {
            Simulator.FailDeployments = false;
        }
    }

    [Fact]
    public async Task An_oversized_package_answers_413()
    {
        using var small = PortalFactory.With(new Dictionary<string, string> { ["Deployments:MaxPackageMegabytes"] = "1" });
        var manager = await ApiSession.CreateAsync(small, DemoAccounts.ContosoManager.Email);
        var noise = new byte[1536 * 1024];
        Random.Shared.NextBytes(noise);

        var response = await manager.Client.PostAsync(new Uri("/api/v1/packages", UriKind.Relative), MdaFiles.Form(noise));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("larger than 1 MB", (await ApiSession.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_status_answer_that_is_not_JSON_is_retried_with_a_limit_and_then_fails_the_job()
    {
        var (manager, cluster, environment) = await TargetAsync();
        Simulator.GarbleStatusReads = true;
        try
        {
            var response = await manager.DeployAsync(cluster, environment, MdaFiles.WithRuntime("10.24.3"));
            var job = await manager.AwaitJobAsync(response.Headers.Location!);

            Assert.Equal("Failed", job.GetProperty("status").GetString());
            Assert.Contains("not JSON", job.GetProperty("error").GetString(), StringComparison.Ordinal);
            var state = await manager.Client.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{cluster}/environments/{environment}");
            Assert.Equal("Failed", state.GetProperty("status").GetString());
        }
        finally
        {
            Simulator.GarbleStatusReads = false;
        }
    }

    [Fact]
    public async Task Environments_of_one_name_created_at_the_same_moment_give_one_and_conflicts_not_errors()
    {
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email);
        var cluster = await DemoClusters.AddContosoAsync(factory, "jobs-" + Guid.NewGuid().ToString("N")[..6]);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            manager.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster}/environments", new { name = "twin", purpose = "Acceptance" })));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"answered {(int)a.StatusCode}"));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(1, await factory.WithDatabaseAsync(db => db.AppEnvironments.CountAsync(e => e.ClusterId == cluster)));
    }

    [Fact]
    public async Task A_malformed_upload_is_told_so_not_that_it_is_too_large()
    {
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email);
        using var body = new ByteArrayContent("--not-a-boundary\r\n"u8.ToArray());
        body.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");

        var response = await manager.Client.PostAsync(new Uri("/api/v1/packages", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not a complete multipart/form-data body", (await ApiSession.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_worker_whose_lease_another_took_over_writes_nothing_over_it()
    {
        var (_, cluster, environment) = await TargetAsync();
        var jobId = await factory.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == cluster).Select(c => c.OrganisationId).SingleAsync();
            // Not due for a month, so this instance's own worker leaves it alone.
            var job = new DeploymentJob
            {
                OrganisationId = organisation, ClusterId = cluster, EnvironmentId = environment, EnvironmentName = "test",
                Kind = DeploymentJobKind.RemoveEnvironment, Stage = DeploymentStage.RemoveEnvironment, RequestedBy = "test",
                LeaseOwner = "worker-a", NextAttemptAt = PortalFactory.Start.AddDays(30),
            };
            db.DeploymentJobs.Add(job);
            await db.SaveChangesAsync();
            return job.Id;
        });

        await factory.WithDatabaseAsync(async workerA =>
        {
            var held = await workerA.DeploymentJobs.SingleAsync(j => j.Id == jobId);
            // Worker A's call outlasted its lease; worker B took the job and recorded its own step.
            await factory.WithDatabaseAsync(workerB => workerB.DeploymentJobs.Where(j => j.Id == jobId)
                .ExecuteUpdateAsync(j => j.SetProperty(x => x.LeaseOwner, "worker-b").SetProperty(x => x.Progress, "worker b's step")));

            held.Progress = "worker a's late step";
            held.LeaseOwner = null;
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => workerA.SaveChangesAsync());
            return 0;
        });

        var job = await factory.WithDatabaseAsync(db => db.DeploymentJobs.AsNoTracking().SingleAsync(j => j.Id == jobId));
        Assert.Equal(("worker-b", "worker b's step"), (job.LeaseOwner, job.Progress));
    }

    private static async Task<T> WaitAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var value = await read();
            if (done(value) || DateTime.UtcNow > deadline)
            {
                return value;
            }

            await Task.Delay(50);
        }
    }

    private async Task<(ApiSession Manager, Guid Cluster, Guid Environment)> TargetAsync(string? token = null)
    {
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email, name: token);
        var cluster = await DemoClusters.AddContosoAsync(factory, "jobs-" + Guid.NewGuid().ToString("N")[..6]);
        return (manager, cluster, await manager.CreateEnvironmentAsync(cluster, "test"));
    }
}
