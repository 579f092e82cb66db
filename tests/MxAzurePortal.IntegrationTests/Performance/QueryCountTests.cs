using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using Xunit.Abstractions;

namespace MxAzurePortal.IntegrationTests.Performance;

/// <summary>
/// No page runs a query per row: the SQL commands a page sends are counted with few rows and with many, and must be
/// the same number, and under a fixed budget.
/// </summary>
public sealed class QueryCountTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Budget = 12;
    private readonly CommandCounter counter = new();
    private ServicedPortal host = null!;

    public Task InitializeAsync()
    {
        host = new ServicedPortal(new PortalFactory(), services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton(counter);
            services.ConfigureDbContext<SqlitePortalDbContext>((sp, options) =>
                options.AddInterceptors(new CountingInterceptor(counter, sp.GetRequiredService<IHttpContextAccessor>())));
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Each_page_sends_the_same_few_commands_with_many_rows_as_with_few()
    {
        var few = await SeedAsync("few", rows: 2);
        var many = await SeedAsync("many", rows: 40);
        var manager = await SignInAsync(DemoAccounts.ContosoManager.Email);
        var staff = await SignInAsync(DemoAccounts.SupportEngineer.Email);
        var pages = new (HttpClient Client, string Path)[]
        {
            (manager, "/Clusters"), (manager, "/Clusters/{id}"), (manager, "/Clusters/{id}/Support"), (manager, "/Clusters/{id}/Customizations"),
            (manager, "/Clusters/{id}/Activity?keyword=entry"), (manager, "/Clusters/{id}/Access"), (manager, "/Clusters/{id}/Updates"),
            (manager, "/Clusters/{id}/Environments"), (manager, "/Support"),
            (staff, "/Admin"), (staff, "/Admin/Clusters?q=qc"), (staff, "/Admin/Tickets"), (staff, "/Admin/Clusters/{id}"),
        };

        var over = new List<string>();
        foreach (var (client, path) in pages)
        {
            var small = await CountAsync(client, path.Replace("{id}", few.ToString(), StringComparison.Ordinal));
            var large = await CountAsync(client, path.Replace("{id}", many.ToString(), StringComparison.Ordinal));
            output.WriteLine($"{path,-40} {small,3} commands with few rows, {large,3} with many");
            if (large != small || large > Budget)
            {
                over.Add($"{path}: {small} commands with few rows, {large} with many (budget {Budget})");
            }
        }

        Assert.True(over.Count == 0, string.Join(Environment.NewLine, over));
    }

    private async Task<int> CountAsync(HttpClient client, string path)
    {
        await client.GetAsync(new Uri(path, UriKind.Relative));
        counter.Reset(path);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        return counter.Of(path);
    }

    private async Task<Guid> SeedAsync(string name, int rows)
    {
        var cluster = await DemoClusters.AddContosoAsync(host.Portal, "qc-" + name);
        for (var i = 0; i < rows; i++)
        {
            await DemoClusters.AddContosoAsync(host.Portal, $"qc-{name}-{i:D2}");
            await DemoClusters.AddRunAsync(host.Portal, cluster);
            await DemoClusters.AddTicketAsync(host.Portal, cluster, $"Ticket {i} of {name}");
        }

        for (var i = 0; i < Math.Min(rows, 6); i++)
        {
            await DemoClusters.AddGrantAsync(host.Portal, cluster, i == 0 ? AccessGrantStatus.Active : AccessGrantStatus.Revoked);
        }

        await host.Portal.WithDatabaseAsync(async db =>
        {
            var organisation = await db.Clusters.Where(c => c.Id == cluster).Select(c => c.OrganisationId).SingleAsync();
            for (var i = 0; i < rows * 5; i++)
            {
                db.ActivityEntries.Add(new MxAzurePortal.Application.Activity.ActivityEntry
                {
                    OrganisationId = organisation, ClusterId = cluster, ClusterName = "qc-" + name, At = host.Portal.Clock.GetUtcNow(),
                    Actor = "Casey Manager", Action = "Test", Summary = $"entry {i}",
                });
            }

            return await db.SaveChangesAsync();
        });
        return cluster;
    }

    private Task<HttpClient> SignInAsync(string email) => host.SignedInClientAsync(email);

    /// <summary>Commands sent while serving a request, by the request's path and query.</summary>
    public sealed class CommandCounter
    {
        private readonly ConcurrentDictionary<string, int> counts = new();

        public void Reset(string path) => counts[path] = 0;

        public int Of(string path) => counts.GetValueOrDefault(path);

        public void Count(string path) => counts.AddOrUpdate(path, 1, (_, n) => n + 1);
    }

    private sealed class CountingInterceptor(CommandCounter counter, IHttpContextAccessor http) : DbCommandInterceptor
    {
        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count();
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Count()
        {
            if (http.HttpContext?.Request is { } request)
            {
                counter.Count(request.Path + request.QueryString);
            }
        }
    }
}
