using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>
/// A portal with services a test adds to it (an interceptor, a log sink), started at once; <see cref="Portal"/> is the
/// factory underneath, for seeding through <see cref="PortalFactory.WithDatabaseAsync{T}"/>.
/// </summary>
public sealed class ServicedPortal : IAsyncDisposable
{
    public ServicedPortal(PortalFactory portal, Action<IServiceCollection> services)
    {
        Portal = portal;
        Host = portal.WithWebHostBuilder(b => b.ConfigureTestServices(services));
        _ = Host.Services;
    }

    public PortalFactory Portal { get; }

    public WebApplicationFactory<Program> Host { get; }

    /// <summary>A client signed in through the login form that keeps its cookies and does not follow redirects.</summary>
    public async Task<HttpClient> SignedInClientAsync(string email)
    {
        var client = Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await HttpSignIn.SignInAsync(client, email);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Portal.DisposeAsync();
    }
}
