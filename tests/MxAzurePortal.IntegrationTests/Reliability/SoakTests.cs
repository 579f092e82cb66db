using System.Diagnostics;
using System.Net;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;
using Xunit.Abstractions;

namespace MxAzurePortal.IntegrationTests.Reliability;

/// <summary>
/// 32 connections over real loopback sockets for a minute (SOAK_SECONDS), across the customers' and the staff's main
/// pages: no request fails, and the managed heap after a full collection stays flat between the first and the last
/// quarter. The heap is the whole test process's, so the soak runs alone, after the parallel tests: another test's
/// portal alive at the last measurement would read as growth.
/// </summary>
[Collection(nameof(SoakTests))]
public sealed class SoakTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Connections = 32;
    private readonly PortalFactory factory = new();

    public Task InitializeAsync()
    {
        factory.UseKestrel(0);
        factory.StartServer();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task Thirty_two_connections_for_a_minute_get_no_errors_and_memory_stays_flat()
    {
        var seconds = int.TryParse(Environment.GetEnvironmentVariable("SOAK_SECONDS"), out var s) ? s : 60;
        var cluster = await DemoClusters.AddContosoAsync(factory, "soak");
        await DemoClusters.AddRunAsync(factory, cluster);
        await DemoClusters.AddTicketAsync(factory, cluster);
        var manager = await SignInAsync(DemoAccounts.ContosoManager.Email);
        var staff = await SignInAsync(DemoAccounts.SupportEngineer.Email);
        (HttpClient Client, string Path)[] pages =
        [
            (manager, "/Clusters"), (manager, $"/Clusters/{cluster}"), (manager, $"/Clusters/{cluster}/Support"),
            (manager, $"/Clusters/{cluster}/Customizations"), (manager, $"/Clusters/{cluster}/Activity?keyword=soak"),
            (staff, "/Admin/Clusters?q=soak"), (staff, "/Admin/Tickets"), (staff, "/Admin"),
        ];

        var requests = 0L;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var watch = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        var workers = Enumerable.Range(0, Connections).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; watch.Elapsed < duration; i++)
            {
                var (client, path) = pages[i % pages.Length];
                try
                {
                    using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
                    await response.Content.LoadIntoBufferAsync();
                    if (response.StatusCode != HttpStatusCode.OK)
                    {
                        errors.Enqueue($"{path}: {(int)response.StatusCode}");
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    errors.Enqueue($"{path}: {exception.GetType().Name} {exception.Message}");
                }

                Interlocked.Increment(ref requests);
            }
        })).ToList();

        await Task.Delay(duration / 4);
        var early = Heap();
        await Task.WhenAll(workers);
        var late = Heap();

        var line = $"soak: {Connections} connections for {seconds} s, {requests} requests ({requests / seconds} per second), {errors.Count} errors, " +
            $"managed heap {early / 1048576.0:0.0} MiB after the first quarter, {late / 1048576.0:0.0} MiB at the end";
        output.WriteLine(line);
        ReliabilityReport.Add(line);
        Assert.True(errors.IsEmpty, string.Join(Environment.NewLine, errors.Take(20)));
        Assert.True(requests > Connections * seconds, $"only {requests} requests in {seconds} s");
        Assert.True(late < early * 1.25 + 8 * 1048576, $"the heap grew from {early} to {late} bytes");
    }

    private static long Heap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private async Task<HttpClient> SignInAsync(string email)
    {
        var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, MaxConnectionsPerServer = Connections };
        var client = new HttpClient(handler) { BaseAddress = factory.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await HttpSignIn.SignInAsync(client, email);
        return client;
    }
}

/// <summary>Runs its tests on their own, once every test that runs in parallel has finished.</summary>
[CollectionDefinition(nameof(SoakTests), DisableParallelization = true)]
public sealed class SoakCollection;
