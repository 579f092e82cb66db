using System.Net;
using System.Net.Http.Json;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Api;

/// <summary>Reads need deployment:read; writes need deployment:write and the Cluster Manager role.</summary>
public sealed class ScopeTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task A_read_only_token_reads_but_cannot_write()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "scope-read-" + Guid.NewGuid().ToString("N")[..6]);
        var reader = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email, read: true, write: false);

        var read = await reader.Client.GetAsync(new Uri($"/api/v1/clusters/{cluster}/environments", UriKind.Relative));
        var write = await reader.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster}/environments", new { name = "test" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        var problem = await ApiSession.ProblemAsync(write);
        Assert.Contains("lacks the scope deployment:write", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.AppEnvironments, e => e.ClusterId == cluster)));
    }

    [Fact]
    public async Task A_write_only_token_cannot_read()
    {
        var writer = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email, read: false, write: true);

        var response = await writer.Client.GetAsync(new Uri("/api/v1/clusters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("lacks the scope deployment:read", (await ApiSession.ProblemAsync(response)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_without_the_cluster_manager_role_cannot_write_even_with_the_scope()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "scope-member-" + Guid.NewGuid().ToString("N")[..6]);
        var member = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoMember.Email, read: true, write: true);

        var read = await member.Client.GetAsync(new Uri($"/api/v1/clusters/{cluster}", UriKind.Relative));
        var write = await member.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster}/environments", new { name = "test" });

        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Contains("Cluster Manager role", (await ApiSession.ProblemAsync(write)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cluster_manager_with_the_write_scope_creates_changes_and_removes_an_environment()
    {
        var cluster = await DemoClusters.AddContosoAsync(factory, "scope-manager-" + Guid.NewGuid().ToString("N")[..6]);
        var manager = await ApiSession.CreateAsync(factory, DemoAccounts.ContosoManager.Email, name: "ci");

        var created = await manager.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster}/environments", new { name = "test", purpose = "Development" });
        var environment = await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        var id = environment.GetProperty("id").GetGuid();
        var duplicate = await manager.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster}/environments", new { name = "test" });
        var badName = await manager.Client.PostAsJsonAsync($"/api/v1/clusters/{cluster}/environments", new { name = "Test_1" });
        var changed = await manager.Client.PatchAsJsonAsync($"/api/v1/clusters/{cluster}/environments/{id}", new { purpose = "Production" });
        var removed = await manager.Client.DeleteAsync(new Uri($"/api/v1/clusters/{cluster}/environments/{id}", UriKind.Relative));
        var job = await manager.AwaitJobAsync(removed.Headers.Location!);
        var gone = await manager.Client.GetAsync(new Uri($"/api/v1/clusters/{cluster}/environments/{id}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/api/v1/clusters/{cluster}/environments/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("test", environment.GetProperty("name").GetString());
        Assert.Equal("Empty", environment.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badName.StatusCode);
        Assert.Equal("name", (await ApiSession.ProblemAsync(badName)).GetProperty("field").GetString());
        Assert.Equal("Production", (await changed.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("purpose").GetString());
        Assert.Equal(HttpStatusCode.Accepted, removed.StatusCode);
        Assert.Equal("Succeeded", job.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);

        var activity = await factory.WithDatabaseAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.ActivityEntries.Where(a => a.ClusterId == cluster).OrderBy(a => a.Id).Select(a => new { a.Action, a.Actor })));
        Assert.Equal(["EnvironmentCreated", "EnvironmentChanged", "EnvironmentRemovalRequested", "EnvironmentRemoved"], activity.Select(a => a.Action));
        Assert.Equal("Casey Manager via API token ci", activity[0].Actor);
    }
}
