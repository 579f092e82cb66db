using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Data;

/// <summary>The pooled context goes back to the pool once per scope, when the scope has let go of it.</summary>
public sealed class ContextPoolTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    /// <summary>
    /// A request resolves the context as <see cref="PortalDbContext"/> and as <see cref="IPortalDb"/>, and its scope
    /// disposes it once per registration. A context that went back to the pool on the first of those would be rented
    /// by another scope before the second, which would then return it again while that scope uses it: two requests on
    /// one context ("a second operation was started on this context instance"). The probe, disposed between the two,
    /// rents contexts the way a concurrent request would.
    /// </summary>
    [Fact]
    public async Task A_scope_that_resolved_the_context_twice_returns_it_only_after_it_is_done()
    {
        await using var portal = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddScoped<PoolProbe>()));
        PoolProbe probe;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().OpenToAllOrganisations();
            var context = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            probe = scope.ServiceProvider.GetRequiredService<PoolProbe>();
            probe.Watched = context;
            Assert.Same(context, scope.ServiceProvider.GetRequiredService<IPortalDb>());
            await context.Organisations.AnyAsync();
        }

        try
        {
            Assert.True(probe.Rented > 0);
            Assert.False(probe.GotWatched, "another scope rented the context while the scope that used it was still being disposed");
        }
        finally
        {
            await probe.ReleaseAsync();
        }
    }

    /// <summary>On disposal, rents contexts in new scopes as a concurrent request would, and keeps them.</summary>
    private sealed class PoolProbe(IServiceScopeFactory scopes) : IAsyncDisposable
    {
        private readonly List<AsyncServiceScope> held = [];

        public PortalDbContext? Watched { get; set; }

        public bool GotWatched { get; private set; }

        public int Rented => held.Count;

        public ValueTask DisposeAsync()
        {
            for (var i = 0; i < 32 && Watched is not null && !GotWatched; i++)
            {
                var scope = scopes.CreateAsyncScope();
                held.Add(scope);
                GotWatched = ReferenceEquals(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), Watched);
            }

            return ValueTask.CompletedTask;
        }

        public async Task ReleaseAsync()
        {
            foreach (var scope in held)
            {
                await scope.DisposeAsync();
            }
        }
    }
}
