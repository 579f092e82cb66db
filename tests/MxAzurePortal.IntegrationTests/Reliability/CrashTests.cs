using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Provisioning;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Support;
using MxAzurePortal.IntegrationTests.Hosting;
using MxAzurePortal.Sandbox.Arm;
using MxAzurePortal.Sandbox.Zendesk;

namespace MxAzurePortal.IntegrationTests.Reliability;

/// <summary>
/// The portal process killed without warning at seeded random points of its work and started again on the same
/// database, while simulated Azure and Zendesk live on in the test process: the work is done exactly once.
/// </summary>
public sealed class CrashTests
{
    private const int Seed = 20260301;

    private static readonly Dictionary<string, string> Fast = new()
    {
        ["Runs:PollMilliseconds"] = "50",
        // A killed instance's lease must lapse before the next one continues; renewal comes every third of it.
        ["Runs:LeaseSeconds"] = "3",
        ["Runs:RetryBaseDelayMilliseconds"] = "500",
        ["Support:PollMilliseconds"] = "50",
        ["Support:LeaseSeconds"] = "2",
        ["Support:SyncSeconds"] = "3600",
        ["ServiceUpdates:PollMilliseconds"] = "3600000",
    };

    [Fact]
    public async Task An_initialization_killed_at_random_points_ends_with_every_step_and_resource_done_once()
    {
        const int plannedKills = 4;
        // AKS takes 4 s here, longer than any life between kills, so every kill finds work in flight however fast the
        // machine restarts the portal (at 2 s a fast machine finished the work before the fourth kill).
        await using var simulators = await Simulators.StartAsync(new ArmSimulatorOptions { LatencyScale = 0.5 });
        await using var portal = new PortalProcess(simulators.Address, new Dictionary<string, string>(Fast) { ["Sandbox:DemoClusters"] = "true" });
        await portal.StartAsync();

        var (kills, interruptedSteps) = await KillAtRandomAsync(portal, plannedKills,
            done: db => db.Clusters.AllAsync(c => c.Status != ClusterStatus.Initializing),
            inFlight: (db, owner) => db.RunSteps.CountAsync(s => s.Status == StepStatus.Running && s.Run!.LeaseOwner!.Contains(owner)));
        await WaitUntilAsync(portal, db => db.Clusters.AllAsync(c => c.Status != ClusterStatus.Initializing));

        var clusters = await portal.WithDatabaseAsync(db => db.Clusters
            .Select(c => new { c.Id, c.Name, c.Status, c.Settings, c.NodePoolName }).ToListAsync());
        var runs = await portal.WithDatabaseAsync(db => db.Runs.Include(r => r.Steps).ToListAsync());
        var logs = await portal.WithDatabaseAsync(db => db.RunStepLogs.OrderBy(l => l.Id).Select(l => new { l.StepId, l.Message }).ToListAsync());
        var finishes = await portal.WithDatabaseAsync(db => db.ActivityEntries.CountAsync(a => a.Action == "InitializeSucceeded"));

        // A step is done once: never started again after it succeeded, and never recorded as succeeding twice.
        var stepsRedone = runs.SelectMany(r => r.Steps).Count(step =>
        {
            var lines = logs.Where(l => l.StepId == step.Id).Select(l => l.Message).ToList();
            var succeeded = lines.IndexOf("Succeeded.");
            return lines.Count(l => l == "Succeeded.") > 1 || (succeeded >= 0 && lines.Skip(succeeded).Any(l => l.StartsWith("Started", StringComparison.Ordinal)));
        });
        var expected = clusters.SelectMany(c =>
        {
            var names = new ClusterNames(c.Id, c.Name, c.Settings);
            return ClusterBlueprint.Steps.SelectMany(s => s.Requests(names)).Select(r => r.ResourceId).Append($"{names.Aks}/agentPools/{c.NodePoolName}");
        }).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var resources = simulators.Arm.Resources.Select(r => r.Id).ToList();
        var unexpected = resources.Where(id => !expected.Contains(id)).ToList();
        var resumed = runs.SelectMany(r => r.Steps).Count(s => s.Attempts > 1);
        ReliabilityReport.Add($"crash: initialization of {clusters.Count} clusters survived {kills} kills ({interruptedSteps} steps in flight when killed, " +
            $"{resumed} resumed): {clusters.Count(c => c.Status == ClusterStatus.Initialized)} initialized, {unexpected.Count} duplicate resources, " +
            $"{stepsRedone} duplicate steps");

        var failure = $"seed {Seed}, {kills} kills{Environment.NewLine}{portal.RecentOutput}";
        Assert.True(clusters.Count == 2 && clusters.All(c => c.Status == ClusterStatus.Initialized), failure);
        Assert.Equal(plannedKills, kills);
        Assert.True(interruptedSteps > 0, "No kill landed while a step was in flight: " + failure);
        Assert.Equal(2, runs.Count);
        Assert.All(runs, run =>
        {
            Assert.Equal(RunStatus.Succeeded, run.Status);
            Assert.Equal(ClusterBlueprint.Steps.Select(s => s.Key).Order(), run.Steps.Select(s => s.Key).Order());
            Assert.All(run.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        });
        Assert.Equal(0, stepsRedone);
        Assert.Equal(2, finishes);
        Assert.Empty(unexpected);
        Assert.Equal(expected.Count, resources.Count);
        Assert.Equal(2, simulators.Arm.Resources.Count(r => r.Type.Equals("Microsoft.ContainerService/managedClusters/agentPools", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task Tickets_delivered_by_a_portal_killed_at_random_points_reach_Zendesk_exactly_once()
    {
        const int tickets = 40;
        const int plannedKills = 4;
        // Delivering 40 at 4 at a time takes longer than the lives between kills add up to, so each kill finds some in flight.
        await using var simulators = await Simulators.StartAsync(zendesk: new ZendeskSimulatorOptions { LatencyMilliseconds = 300 });
        await using var portal = new PortalProcess(simulators.Address, new Dictionary<string, string>(Fast)
        {
            ["Sandbox:DemoClusters"] = "false",
            ["Support:MaxConcurrentDeliveries"] = "4",
        });
        var ids = await QueueTicketsAsync(portal, tickets);
        await portal.StartAsync();

        var (kills, interrupted) = await KillAtRandomAsync(portal, plannedKills,
            done: db => db.TicketDeliveries.AllAsync(d => d.DeliveredAt != null),
            inFlight: (db, owner) => db.TicketDeliveries.CountAsync(d => d.DeliveredAt == null && d.LeaseOwner!.Contains(owner)));
        await WaitUntilAsync(portal, db => db.TicketDeliveries.AllAsync(d => d.DeliveredAt != null));

        var inZendesk = simulators.Zendesk.Tickets
            .Select(t => (Id: t["id"]!.GetValue<long>(), ExternalId: t["external_id"]!.GetValue<string>())).ToList();
        var distinct = inZendesk.Select(t => t.ExternalId).Distinct().ToList();
        var lost = ids.Count(id => !distinct.Contains(id));
        var linked = await portal.WithDatabaseAsync(db => db.SupportTickets.Select(t => new { t.Id, t.ZendeskTicketId, t.Status }).ToListAsync());
        ReliabilityReport.Add($"crash: {tickets} tickets, {kills} kills survived ({interrupted} deliveries in flight when killed), " +
            $"{distinct.Count} delivered, {inZendesk.Count - distinct.Count} duplicates, {lost} lost");

        var failure = $"seed {Seed}, {kills} kills{Environment.NewLine}{portal.RecentOutput}";
        Assert.Equal(plannedKills, kills);
        Assert.True(interrupted > 0, "No kill landed while a delivery was in flight: " + failure);
        Assert.Equal(tickets, inZendesk.Count);
        Assert.Equal(ids.Order(), distinct.Order());
        Assert.DoesNotContain(linked, t => t.Status == TicketStatus.Submitting);
        Assert.All(linked, t => Assert.Contains((t.ZendeskTicketId!.Value, t.Id.ToString()), inZendesk));
    }

    /// <summary>
    /// Kills the portal after a random 0.3 to 2.5 s of being ready, while work is left, and starts it again; answers the
    /// kills and how much work the killed processes held under their leases.
    /// </summary>
    private static async Task<(int Kills, int InFlight)> KillAtRandomAsync(
        PortalProcess portal, int kills, Func<Infrastructure.Data.PortalDbContext, Task<bool>> done,
        Func<Infrastructure.Data.PortalDbContext, string, Task<int>> inFlight)
    {
        var random = new Random(Seed);
        var (killed, interrupted) = (0, 0);
        while (killed < kills)
        {
            await Task.Delay(random.Next(300, 2500));
            if (await portal.WithDatabaseAsync(done))
            {
                break;
            }

            var owner = portal.Kill()!;
            killed++;
            interrupted += await portal.WithDatabaseAsync(db => inFlight(db, owner));
            await portal.StartAsync();
        }

        return (killed, interrupted);
    }

    private static async Task<IReadOnlyList<string>> QueueTicketsAsync(PortalProcess portal, int count)
    {
        // The outbox is full before the portal first starts, so every delivery happens across the kills.
        await using var db = portal.OpenDatabase();
        await db.Database.MigrateAsync();
        var organisation = new Organisation { Name = "Crash Test" };
        var cluster = new Cluster
        {
            OrganisationId = organisation.Id,
            Name = "crash-tickets",
            Region = "westeurope",
            Status = ClusterStatus.Initialized,
            Settings = new() { SubscriptionId = Guid.NewGuid().ToString(), ResourceGroup = "rg-crash-tickets", Region = "westeurope" },
        };
        db.Organisations.Add(organisation);
        db.Clusters.Add(cluster);
        var tickets = Enumerable.Range(0, count).Select(i => new SupportTicket
        {
            OrganisationId = organisation.Id, ClusterId = cluster.Id, Subject = $"Crash ticket {i}", Description = "Opened before a crash.",
            CreatedBy = "test", RequesterEmail = "member@crash.example", ShareLogs = i % 4 == 0,
        }).ToList();
        foreach (var ticket in tickets)
        {
            TicketService.Queue(db, ticket, DateTimeOffset.UtcNow);
        }

        await db.SaveChangesAsync();
        return tickets.Select(t => t.Id.ToString()).ToList();
    }

    private static async Task WaitUntilAsync(PortalProcess portal, Func<Infrastructure.Data.PortalDbContext, Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (!await portal.WithDatabaseAsync(condition))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The work did not finish after the last restart:{Environment.NewLine}{portal.RecentOutput}");
            }

            await Task.Delay(200);
        }
    }
}
