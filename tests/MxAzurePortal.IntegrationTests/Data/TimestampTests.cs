using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.DemoData;

namespace MxAzurePortal.IntegrationTests.Data;

public sealed class TimestampTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Times_are_written_in_UTC_from_the_injected_clock()
    {
        using var fresh = new PortalFactory();
        _ = fresh.CreatePortalClient();

        var organisation = await fresh.WithDatabaseAsync(db => db.Organisations.SingleAsync(o => o.Name == DemoAccounts.Contoso));

        Assert.Equal(PortalFactory.Start, organisation.CreatedAt);
        Assert.Equal(TimeSpan.Zero, organisation.CreatedAt.Offset);
    }

    [Fact]
    public async Task An_update_moves_only_the_change_time()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "stamped-" + Guid.NewGuid().ToString("N")[..6]);
        var created = factory.Clock.GetUtcNow();
        factory.Clock.Advance(TimeSpan.FromMinutes(5));

        await factory.WithDatabaseAsync(async db =>
        {
            var cluster = await db.Clusters.SingleAsync(c => c.Id == id);
            cluster.Status = ClusterStatus.Failed;
            return await db.SaveChangesAsync();
        });
        var stored = await factory.WithDatabaseAsync(db => db.Clusters.AsNoTracking().SingleAsync(c => c.Id == id));

        Assert.Equal(created, stored.CreatedAt);
        Assert.Equal(created.AddMinutes(5), stored.UpdatedAt);
    }

    [Fact]
    public async Task Times_sort_and_compare_in_SQL()
    {
        var prefix = "sorted-" + Guid.NewGuid().ToString("N")[..6];
        foreach (var name in new[] { "c", "a", "b" })
        {
            factory.Clock.Advance(TimeSpan.FromHours(1));
            await DemoClusters.AddContosoAsync(factory, $"{prefix}-{name}");
        }

        var threshold = factory.Clock.GetUtcNow().AddHours(-1.5);
        var names = await factory.WithDatabaseAsync(db => db.Clusters
            .Where(c => c.Name.StartsWith(prefix) && c.CreatedAt > threshold)
            .OrderBy(c => c.CreatedAt)
            .Select(c => c.Name)
            .ToListAsync());

        Assert.Equal([$"{prefix}-a", $"{prefix}-b"], names);
    }
}
