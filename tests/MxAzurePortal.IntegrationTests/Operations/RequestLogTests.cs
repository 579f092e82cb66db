using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using Serilog.Core;
using Serilog.Events;

namespace MxAzurePortal.IntegrationTests.Operations;

/// <summary>
/// The request log tells the portal's failures from clients that went away: a browser closing the tab mid-request is
/// not an error of the portal, and must not page whoever watches the error log.
/// </summary>
public sealed class RequestLogTests : IAsyncLifetime
{
    private const string Header = "X-Test-Query";
    private readonly Sink sink = new();
    private readonly TaskCompletionSource held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServicedPortal host = null!;

    public Task InitializeAsync()
    {
        host = new ServicedPortal(PortalFactory.With(new Dictionary<string, string> { ["Serilog:MinimumLevel:Default"] = "Information" }), services =>
        {
            services.AddHttpContextAccessor();
            services.AddSingleton<ILogEventSink>(sink);
            services.ConfigureDbContext<SqlitePortalDbContext>((sp, options) =>
                options.AddInterceptors(new MarkedQueries(sp.GetRequiredService<IHttpContextAccessor>(), held)));
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task A_client_that_goes_away_mid_request_is_logged_as_closed_not_as_an_error()
    {
        var client = await SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Clusters", UriKind.Relative));
        request.Headers.Add(Header, "hold");
        using var gone = new CancellationTokenSource();

        var sending = client.SendAsync(request, gone.Token);
        await held.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await gone.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);

        var logged = await sink.RequestLoggedAsync("/Clusters");
        Assert.Equal(499, logged.Properties["StatusCode"] is ScalarValue { Value: int status } ? status : 0);
        Assert.True(logged.Level < LogEventLevel.Error, $"logged at {logged.Level}");
        Assert.DoesNotContain(sink.Events, e => e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task A_failure_of_the_portal_is_still_logged_as_an_error_with_500()
    {
        var client = await SignInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/Clusters", UriKind.Relative));
        request.Headers.Add(Header, "fail");

        using var response = await client.SendAsync(request);

        Assert.Equal(System.Net.HttpStatusCode.InternalServerError, response.StatusCode);
        var logged = await sink.RequestLoggedAsync("/Clusters");
        Assert.Equal(LogEventLevel.Error, logged.Level);
        Assert.IsType<InvalidOperationException>(logged.Exception);
    }

    private Task<HttpClient> SignInAsync() => host.SignedInClientAsync(DemoAccounts.ContosoManager.Email);

    /// <summary>Holds a marked request's first query until the request is aborted, or fails it.</summary>
    private sealed class MarkedQueries(IHttpContextAccessor http, TaskCompletionSource held) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            switch (http.HttpContext?.Request.Headers[Header].ToString())
            {
                case "hold":
                    held.TrySetResult();
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                    break;
                case "fail":
                    throw new InvalidOperationException("The database answered nonsense.");
            }

            return result;
        }
    }

    private sealed class Sink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> events = new();

        public IEnumerable<LogEvent> Events => events;

        public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

        /// <summary>The request log's event for a path: it is written when the response has gone, so wait for it.</summary>
        public async Task<LogEvent> RequestLoggedAsync(string path)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (DateTime.UtcNow < deadline)
            {
                var logged = events.FirstOrDefault(e => e.Properties.TryGetValue("RequestPath", out var value)
                    && value is ScalarValue { Value: string p } && p == path && e.Properties.ContainsKey("StatusCode"));
                if (logged is not null)
                {
                    return logged;
                }

                await Task.Delay(20);
            }

            throw new TimeoutException($"No request log event for {path}: {string.Join(" | ", events.Select(e => e.RenderMessage()))}");
        }
    }
}
