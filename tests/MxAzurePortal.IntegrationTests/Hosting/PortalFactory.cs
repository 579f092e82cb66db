using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Identity;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>
/// The whole portal in the embedded default (sandbox on), over a real SQLite file of its own.
/// Two factories given the same file behave like two portal instances behind a load balancer.
/// </summary>
public sealed class PortalFactory : WebApplicationFactory<Program>
{
    public PortalFactory()
        : this(NewDatabaseFile(), sandbox: true)
    {
    }

    private PortalFactory(string databaseFile, bool sandbox, IReadOnlyDictionary<string, string>? settings = null)
    {
        DatabaseFile = databaseFile;
        Sandbox = sandbox;
        Settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>A portal instance over the given database file, e.g. a second instance beside a first.</summary>
    public static PortalFactory On(string databaseFile, bool sandbox = true) => new(databaseFile, sandbox);

    /// <summary>Another portal instance over the given database, with extra configuration.</summary>
    public static PortalFactory On(string databaseFile, IReadOnlyDictionary<string, string> settings) => new(databaseFile, sandbox: true, settings);

    /// <summary>A portal instance with extra configuration, as an operator would set it.</summary>
    public static PortalFactory With(IReadOnlyDictionary<string, string> settings, string environment = "Development") =>
        new(NewDatabaseFile(), sandbox: true, settings) { Environment = environment };

    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>The hosting environment; the embedded default runs as Development.</summary>
    public string Environment { get; init; } = "Development";

    public string DatabaseFile { get; }

    public bool Sandbox { get; }

    /// <summary>The clock every timestamp is written from; starts at a fixed UTC instant.</summary>
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 30, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public static string NewDatabaseFile() =>
        Path.Combine(Path.GetTempPath(), "mxazureportal-tests", $"{Guid.NewGuid():N}.db");

    /// <summary>Runs work against the database with every organisation visible, as the portal's workers do.</summary>
    public async Task<T> WithDatabaseAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Adds a user with the demo password as a member of an organisation, for roles the demo data lacks.</summary>
    public async Task AddMemberAsync(string email, string organisation, OrganisationRole role)
    {
        _ = Services;
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
        var created = await users.CreateAsync(user, MxAzurePortal.Sandbox.SandboxOptions.DefaultDemoPassword);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await WithDatabaseAsync(async db =>
        {
            var organisationId = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisationId, Role = role });
            return await db.SaveChangesAsync();
        });
    }

    /// <summary>A client that keeps its cookies in <paramref name="cookies"/> and does not follow redirects.</summary>
    public HttpClient CreatePortalClient(System.Net.CookieContainer? cookies = null) =>
        CreateDefaultClient(new Uri("http://localhost"), new CookieHandler(cookies ?? new System.Net.CookieContainer()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:SqlitePath", DatabaseFile);
        // Outside Development the configuration files decide, as they do for a real deployment.
        if (Environment == "Development")
        {
            builder.UseSetting("Sandbox:Enabled", Sandbox ? "true" : "false");
        }

        builder.UseSetting("Serilog:MinimumLevel:Default", "Error");
        builder.UseSetting("Sandbox:DemoClusters", "false");
        builder.UseSetting("MendixOnKubernetes:HealthUrl", "http://127.0.0.1:9/health");
        builder.UseSetting("MendixOnKubernetes:DeployApi:BaseUrl", "http://127.0.0.1:9/api/v1/");
        builder.UseSetting("Deployments:StatusPollSeconds", "0");
        builder.UseSetting("Deployments:RetryBaseSeconds", "0");
        builder.UseSetting("Zendesk:BaseUrl", "http://127.0.0.1:9/");
        builder.UseSetting("Zendesk:AgentEmail", "portal@mendix.example");
        builder.UseSetting("Zendesk:ApiToken", "test-token");
        builder.UseSetting("Zendesk:WebhookSecret", "sandbox-webhook-secret");
        builder.UseSetting("Support:SyncSeconds", "3600");
        builder.UseSetting("Sandbox:Arm:LatencyScale", "0.02");
        builder.UseSetting("Runs:PollMilliseconds", "50");
        builder.UseSetting("Runs:RetryBaseDelayMilliseconds", "20");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
