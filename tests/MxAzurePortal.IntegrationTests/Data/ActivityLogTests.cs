using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Data;

public sealed class ActivityLogTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Entries_can_be_added_but_never_changed_or_deleted()
    {
        var id = await DemoClusters.AddContosoAsync(factory, "activity-" + Guid.NewGuid().ToString("N")[..6]);
        var entryId = await factory.WithDatabaseAsync(async db =>
        {
            var entry = new ActivityEntry
            {
                OrganisationId = await db.Clusters.Where(c => c.Id == id).Select(c => c.OrganisationId).SingleAsync(),
                ClusterId = id, ClusterName = "activity", Actor = "test", Action = "Test", Summary = "original",
            };
            db.ActivityEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });

        var change = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDatabaseAsync(async db =>
        {
            (await db.ActivityEntries.SingleAsync(a => a.Id == entryId)).Summary = "rewritten";
            return await db.SaveChangesAsync();
        }));
        var delete = await Assert.ThrowsAsync<InvalidOperationException>(() => factory.WithDatabaseAsync(async db =>
        {
            db.ActivityEntries.Remove(await db.ActivityEntries.SingleAsync(a => a.Id == entryId));
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("cannot be changed or deleted", change.Message, StringComparison.Ordinal);
        Assert.Contains("cannot be changed or deleted", delete.Message, StringComparison.Ordinal);
        Assert.Equal("original", await factory.WithDatabaseAsync(db => db.ActivityEntries.Where(a => a.Id == entryId).Select(a => a.Summary).SingleAsync()));
    }
}
