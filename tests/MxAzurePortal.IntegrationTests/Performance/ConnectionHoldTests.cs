using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Performance;

/// <summary>
/// The pages that send several statements open the database connection once for all of them, and close it when the
/// request is done: each open of a pooled SQLite connection costs EF Core's function registrations again.
/// </summary>
public sealed class ConnectionHoldTests : IAsyncLifetime
{
    private readonly Connections connections = new();
    private ServicedPortal host = null!;

    public Task InitializeAsync()
    {
        host = new ServicedPortal(new PortalFactory(), services =>
        {
            services.AddHttpContextAccessor();
            services.ConfigureDbContext<SqlitePortalDbContext>((sp, options) =>
                options.AddInterceptors(new Counting(connections, sp.GetRequiredService<IHttpContextAccessor>())));
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Theory]
    [InlineData("/Clusters/{id}")]
    [InlineData("/Clusters/{id}?handler=Progress")]
    [InlineData("/Clusters/{id}/Customizations")]
    public async Task A_page_of_several_statements_opens_one_connection_and_closes_it(string page)
    {
        var cluster = await DemoClusters.AddContosoAsync(host.Portal, "hold-" + Guid.NewGuid().ToString("N")[..6]);
        await DemoClusters.AddRunAsync(host.Portal, cluster);
        await DemoClusters.AddTicketAsync(host.Portal, cluster);
        var client = await host.SignedInClientAsync(DemoAccounts.ContosoManager.Email);
        var path = page.Replace("{id}", cluster.ToString(), StringComparison.Ordinal);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}");
        var (statements, opened) = (connections.Statements(path), connections.Opened(path));
        Assert.True(statements >= 2, $"{path} sent {statements} statements");
        Assert.Equal(1, opened);
        // The scope returns the context to the pool after the response: the connection is closed then.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (connections.Closed(path) < opened && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.Equal(opened, connections.Closed(path));
    }

    private sealed class Connections
    {
        private readonly ConcurrentDictionary<string, int> opened = new();
        private readonly ConcurrentDictionary<string, int> closed = new();
        private readonly ConcurrentDictionary<string, int> statements = new();

        public int Opened(string path) => opened.GetValueOrDefault(path);

        public int Closed(string path) => closed.GetValueOrDefault(path);

        public int Statements(string path) => statements.GetValueOrDefault(path);

        public void Open(string path, DbConnection connection)
        {
            opened.AddOrUpdate(path, 1, (_, n) => n + 1);
            StateChangeEventHandler? handler = null;
            handler = (_, change) =>
            {
                if (change.CurrentState == ConnectionState.Closed)
                {
                    connection.StateChange -= handler;
                    closed.AddOrUpdate(path, 1, (_, n) => n + 1);
                }
            };
            connection.StateChange += handler;
        }

        public void Statement(string path) => statements.AddOrUpdate(path, 1, (_, n) => n + 1);
    }

    private sealed class Counting(Connections connections, IHttpContextAccessor http) : DbConnectionInterceptor, IDbCommandInterceptor
    {
        private string? Path => http.HttpContext is { } context ? context.Request.Path + context.Request.QueryString : null;

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Opened(connection);
            return Task.CompletedTask;
        }

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Opened(connection);

        public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (Path is { } path)
            {
                connections.Statement(path);
            }

            return ValueTask.FromResult(result);
        }

        private void Opened(DbConnection connection)
        {
            if (Path is { } path)
            {
                connections.Open(path, connection);
            }
        }
    }
}
