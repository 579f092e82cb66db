using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.Infrastructure.Identity;

namespace MxAzurePortal.Sandbox.DemoData;

/// <summary>Seeds the demo organisations and accounts of the embedded default. Safe to run at every start.</summary>
public sealed class DemoDataSeeder(
    PortalDbContext db,
    UserManager<PortalUser> users,
    IOptions<SandboxOptions> options,
    TimeProvider clock,
    ILogger<DemoDataSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var organisations = new Dictionary<string, Organisation>();
        foreach (var name in DemoAccounts.All.Select(a => a.Organisation).OfType<string>().Distinct())
        {
            organisations[name] = await EnsureOrganisationAsync(name, cancellationToken);
        }

        foreach (var account in DemoAccounts.All)
        {
            var user = await EnsureUserAsync(account);
            if (account.Organisation is { } orgName && account.Role is { } role)
            {
                await EnsureMembershipAsync(user, organisations[orgName], role, cancellationToken);
            }
        }

        if (options.Value.DemoClusters)
        {
            foreach (var (organisation, cluster) in DemoAccounts.Clusters)
            {
                await EnsureClusterAsync(organisations[organisation], cluster, cancellationToken);
            }

            await DemoReleases.SeedAsync(db, clock, cancellationToken);
        }

        // The embedded default is for trying the portal out: print what a newcomer needs to sign in.
        logger.LogInformation(
            "Sandbox demo accounts, each with password {DemoPassword} (Sandbox:DemoPassword): {DemoAccounts}",
            options.Value.DemoPassword,
            string.Join("; ", DemoAccounts.All.Select(a => a.Describe())));
    }

    private async Task<Organisation> EnsureOrganisationAsync(string name, CancellationToken cancellationToken)
    {
        var existing = await db.Organisations.IgnoreQueryFilters().SingleOrDefaultAsync(o => o.Name == name, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var organisation = new Organisation { Name = name };
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation;
    }

    private async Task<PortalUser> EnsureUserAsync(DemoAccount account)
    {
        var user = await users.FindByEmailAsync(account.Email);
        if (user is not null)
        {
            return user;
        }

        user = new PortalUser
        {
            UserName = account.Email,
            Email = account.Email,
            EmailConfirmed = true,
            DisplayName = account.DisplayName,
            StaffRole = account.StaffRole,
        };
        var result = await users.CreateAsync(user, options.Value.DemoPassword);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not create demo account {account.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }

        return user;
    }

    /// <summary>A demo cluster goes through the real initialization run, against the ARM simulator.</summary>
    private async Task EnsureClusterAsync(
        Organisation organisation, (string Name, string Subscription, string Region) demo, CancellationToken cancellationToken)
    {
        if (await db.Clusters.IgnoreQueryFilters().AnyAsync(c => c.OrganisationId == organisation.Id, cancellationToken))
        {
            return;
        }

        var cluster = new Cluster
        {
            OrganisationId = organisation.Id,
            Name = demo.Name,
            Region = demo.Region,
            Status = ClusterStatus.Initializing,
            Settings = new ClusterSettings
            {
                SubscriptionId = demo.Subscription,
                ResourceGroup = $"rg-{demo.Name}",
                CreateResourceGroup = true,
                Region = demo.Region,
                Tags = new Dictionary<string, string> { ["cost-center"] = organisation.Name.ToLowerInvariant() + "-it" },
            },
        };
        var run = RunPlanner.Initialize(cluster, "Sandbox demo data", userId: null);
        cluster.LastRunId = run.Id;
        db.Clusters.Add(cluster);
        db.Runs.Add(run);
        db.ActivityEntries.Add(new ActivityEntry
        {
            OrganisationId = organisation.Id,
            ClusterId = cluster.Id,
            ClusterName = cluster.Name,
            At = clock.GetUtcNow(),
            Actor = ActivityLog.System,
            Action = "InitializationStarted",
            Summary = "Demo cluster of the sandbox: initialization started at start-up.",
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task EnsureMembershipAsync(PortalUser user, Organisation organisation, OrganisationRole role, CancellationToken cancellationToken)
    {
        var exists = await db.Memberships.IgnoreQueryFilters().AnyAsync(m => m.UserId == user.Id, cancellationToken);
        if (!exists)
        {
            db.Memberships.Add(new Membership { UserId = user.Id, OrganisationId = organisation.Id, Role = role });
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
