using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Support;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.IntegrationTests.Reliability;
using MxAzurePortal.Sandbox.Zendesk;

namespace MxAzurePortal.IntegrationTests.Zendesk;

/// <summary>Two portal instances on one database deliver the ticket outbox together, each ticket by one of them, once.</summary>
public sealed class TwoInstanceDeliveryTests
{
    [Fact]
    public async Task Two_portal_instances_on_one_database_deliver_each_ticket_exactly_once()
    {
        const int count = 60;
        var database = PortalFactory.NewDatabaseFile();
        var settings = new Dictionary<string, string>
        {
            ["Support:PollMilliseconds"] = "20",
            ["Support:MaxConcurrentDeliveries"] = "4",
            // Deliveries overlap in time, so both instances' workers find due rows while the other holds some.
            ["Sandbox:Zendesk:LatencyMilliseconds"] = "40",
        };
        using var first = PortalFactory.On(database, settings);
        var zendesk = first.Services.GetRequiredService<ZendeskSimulator>();
        // Both instances talk to the same Zendesk account.
        using var secondHost = PortalFactory.On(database, settings);
        using var second = secondHost.WithWebHostBuilder(b => b.ConfigureTestServices(services => services.AddSingleton(zendesk)));
        _ = second.Services;
        var cluster = await DemoClusters.AddContosoAsync(first, "twin-tickets");

        IReadOnlyList<string> ids;
        IReadOnlyDictionary<Guid, IReadOnlyCollection<string>> owners;
        await using (var watch = new LeaseWatch(first, db => db.TicketDeliveries.Where(d => d.LeaseOwner != null)
            .Select(d => new Lease(d.Id, d.LeaseOwner!)).ToListAsync()))
        {
            ids = await first.WithDatabaseAsync(async db =>
            {
                var organisation = await db.Clusters.Where(c => c.Id == cluster).Select(c => c.OrganisationId).SingleAsync();
                var tickets = Enumerable.Range(0, count).Select(i => new SupportTicket
                {
                    OrganisationId = organisation, ClusterId = cluster, Subject = $"Twin ticket {i}", Description = "Opened while two instances run.",
                    CreatedBy = "test", RequesterEmail = "member@contoso.example", ShareLogs = i % 5 == 0,
                }).ToList();
                foreach (var ticket in tickets)
                {
                    TicketService.Queue(db, ticket, first.Clock.GetUtcNow());
                }

                await db.SaveChangesAsync();
                return tickets.Select(t => t.Id.ToString()).ToList();
            });
            await DeliveredAsync(first, count);
            owners = watch.Owners;
        }

        var external = zendesk.Tickets.Select(t => t["external_id"]!.GetValue<string>()).ToList();
        var lookUps = zendesk.Requests.Count(r => r.Method == "GET" && r.Query.Contains("external_id=", StringComparison.Ordinal));
        var creates = zendesk.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/tickets.json", StringComparison.Ordinal));
        var attempts = await first.WithDatabaseAsync(db => db.TicketDeliveries.Select(d => d.Attempts).ToListAsync());
        var perInstance = owners.Values.SelectMany(o => o).GroupBy(o => o).Select(g => g.Count()).ToList();
        ReliabilityReport.Add($"two instances, one SQLite file: {count} tickets, {external.Distinct().Count()} delivered, " +
            $"{external.Count - external.Distinct().Count()} duplicates, {ids.Count(id => !external.Contains(id))} lost, " +
            $"{owners.Count(o => o.Value.Count > 1)} deliveries held by two workers (delivered {string.Join(" and ", perInstance)})");
        Assert.Equal(ids.Order(), external.Order());
        Assert.Equal(count, lookUps);
        Assert.Equal(count, creates);
        Assert.All(attempts, a => Assert.Equal(1, a));
        Assert.Equal(count, owners.Count);
        Assert.All(owners.Values, held => Assert.Single(held));
        Assert.Equal(2, perInstance.Count);
        Assert.Equal(0, await first.WithDatabaseAsync(db => db.SupportTickets.CountAsync(t => t.Status == TicketStatus.Submitting)));
    }

    private static async Task DeliveredAsync(PortalFactory factory, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await factory.WithDatabaseAsync(db => db.TicketDeliveries.CountAsync(d => d.DeliveredAt != null)) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The deliveries did not finish.");
            }

            await Task.Delay(50);
        }
    }
}
