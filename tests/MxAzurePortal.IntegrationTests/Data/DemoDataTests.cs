using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Data;

public sealed class DemoDataTests
{
    [Fact]
    public async Task The_embedded_default_seeds_the_demo_world_once_however_often_it_starts()
    {
        var database = PortalFactory.NewDatabaseFile();
        using (var first = PortalFactory.On(database))
        {
            _ = first.CreatePortalClient();
        }

        using var second = PortalFactory.On(database);
        _ = second.CreatePortalClient();

        var counts = await second.WithDatabaseAsync(async db => (
            Organisations: await db.Organisations.CountAsync(),
            Users: await db.Users.CountAsync(),
            Members: await db.Memberships.CountAsync()));
        Assert.Equal((2, DemoAccounts.All.Count, 3), counts);
    }

    [Fact]
    public async Task With_the_sandbox_off_nothing_is_seeded()
    {
        using var production = PortalFactory.On(PortalFactory.NewDatabaseFile(), sandbox: false);
        _ = production.CreatePortalClient();

        var users = await production.WithDatabaseAsync(db => db.Users.CountAsync());
        var organisations = await production.WithDatabaseAsync(db => db.Organisations.CountAsync());

        Assert.Equal(0, users);
        Assert.Equal(0, organisations);
    }

    [Fact]
    public async Task A_scope_that_was_never_given_a_tenant_sees_no_customer_rows()
    {
        using var factory = new PortalFactory();
        _ = factory.CreatePortalClient();
        await DemoClusters.AddContosoAsync(factory, "hidden");

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.PortalDbContext>();

        Assert.Equal(0, await db.Clusters.CountAsync());
        Assert.Equal(0, await db.Organisations.CountAsync());
        Assert.Equal(0, await db.Memberships.CountAsync());
    }
}
