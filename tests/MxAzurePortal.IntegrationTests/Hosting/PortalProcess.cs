using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>
/// The portal as a process of its own (<c>dotnet MxAzurePortal.Web.dll</c>, copied into the test output with its
/// settings files), over a SQLite file in a temporary directory, with its simulators elsewhere. It can be killed
/// without warning and started again on the same database, as a crashed server would be.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly string directory = Path.Combine(Path.GetTempPath(), "mxazureportal-tests", $"process-{Guid.NewGuid():N}");
    private readonly Dictionary<string, string> settings;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    public PortalProcess(Uri simulators, IReadOnlyDictionary<string, string> settings)
    {
        Directory.CreateDirectory(directory);
        DatabaseFile = Path.Combine(directory, "portal.db");
        this.settings = new Dictionary<string, string>(settings)
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:SqlitePath"] = DatabaseFile,
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:ServerUrl"] = simulators.ToString(),
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
    }

    public string DatabaseFile { get; }

    public Uri? Address { get; private set; }

    /// <summary>Starts the portal and waits until it answers <c>/readyz</c>.</summary>
    public async Task StartAsync()
    {
        if (process is not null)
        {
            throw new InvalidOperationException("The portal is already running.");
        }

        Address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "MxAzurePortal.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Address.ToString());
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(AppContext.BaseDirectory);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Keep(line.Data);
        process.ErrorDataReceived += (_, line) => Keep(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitUntilReadyAsync(process, Address);
    }

    /// <summary>
    /// Kills the portal at once (no graceful shutdown: leases stay taken, requests stay unanswered); answers the lease
    /// owner prefix of the killed process's workers, which is their process id.
    /// </summary>
    public string? Kill()
    {
        if (process is null)
        {
            return null;
        }

        var owner = $"/{process.Id}/";
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        process.Dispose();
        process = null;
        return owner;
    }

    /// <summary>A context on the portal's database from outside the portal, seeing every organisation.</summary>
    public PortalDbContext OpenDatabase()
    {
        var options = new DbContextOptionsBuilder<SqlitePortalDbContext>();
        PortalDbSetup.UseSqlite(options, DatabaseFile);
        options.AddInterceptors(new TimestampInterceptor(TimeProvider.System));
        var scope = new TenantScope();
        scope.OpenToAllOrganisations();
        return new SqlitePortalDbContext(options.Options) { Tenant = scope };
    }

    public async Task<T> WithDatabaseAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var db = OpenDatabase();
        return await work(db);
    }

    /// <summary>The portal's last lines of output, for failure messages.</summary>
    public string RecentOutput => string.Join(Environment.NewLine, output);

    public ValueTask DisposeAsync()
    {
        _ = Kill();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the operating system's temporary-file cleanup.
        }

        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 200 && output.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilReadyAsync(Process started, Uri address)
    {
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (started.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {started.ExitCode}:{Environment.NewLine}{RecentOutput}");
            }

            try
            {
                if ((await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The portal was not ready within {StartTimeout.TotalSeconds} s:{Environment.NewLine}{RecentOutput}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
