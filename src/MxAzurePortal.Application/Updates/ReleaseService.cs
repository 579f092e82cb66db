using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Updates;

/// <summary>Staff's side of service updates: the releases, their per-cluster outcomes, and publishing a new one.</summary>
public sealed class ReleaseService(IPortalDb db, ICurrentUser user, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public async Task<IReadOnlyList<ReleaseListItem>> ListAsync(CancellationToken cancellationToken)
    {
        var releases = await Items(db.ServiceReleases.AsNoTracking().OrderByDescending(r => r.ScheduledOn)).ToListAsync(cancellationToken);
        var counts = await db.ClusterUpdates.AsNoTracking().GroupBy(u => new { u.ReleaseId, u.Status })
            .Select(g => new { g.Key.ReleaseId, g.Key.Status, Count = g.Count() }).ToListAsync(cancellationToken);
        var result = new List<ReleaseListItem>();
        foreach (var release in releases)
        {
            var mine = counts.Where(c => c.ReleaseId == release.Id).ToDictionary(c => c.Status, c => c.Count);
            result.Add(release with { Counts = await CountsAsync(release, mine, cancellationToken) });
        }

        return result;
    }

    public async Task<ReleaseDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var release = await Items(db.ServiceReleases.AsNoTracking().Where(r => r.Id == id)).SingleOrDefaultAsync(cancellationToken);
        if (release is null)
        {
            return null;
        }

        var rows = await db.ClusterUpdates.AsNoTracking().Where(u => u.ReleaseId == id)
            .OrderBy(u => u.Cluster!.Organisation!.Name).ThenBy(u => u.Cluster!.Name)
            .Select(u => new ClusterUpdateRow(u.ClusterId, u.Cluster!.Name, u.Cluster.Organisation!.Name, u.Status,
                u.FromKubernetesVersion, u.FromOperatorVersion, u.FromAgentVersion, u.CreatedAt, u.FinishedAt, u.Error))
            .ToListAsync(cancellationToken);
        var counts = rows.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        return new ReleaseDetails(release with { Counts = await CountsAsync(release, counts, cancellationToken) }, rows);
    }

    /// <summary>Publishes a release for every cluster, after the rules; answers its id.</summary>
    public async Task<(RuleResult Result, Guid? Id)> PublishAsync(ReleaseDraft draft, CancellationToken cancellationToken)
    {
        var result = ReleaseRules.Check(draft, await ContextAsync(cancellationToken));
        if (!result.IsValid)
        {
            return (result, null);
        }

        var release = new ServiceRelease
        {
            Name = draft.Name.Trim(),
            KubernetesVersion = draft.KubernetesVersion,
            OperatorVersion = draft.OperatorVersion,
            AgentVersion = draft.AgentVersion,
            ScheduledOn = draft.ScheduledOn,
            Notes = string.IsNullOrWhiteSpace(draft.Notes) ? null : draft.Notes.Trim(),
            PublishedBy = user.DisplayName ?? user.Email ?? user.UserId ?? "unknown",
            PublishedByUserId = user.UserId,
            PublishedAt = clock.GetUtcNow(),
        };
        db.ServiceReleases.Add(release);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (RuleResult.Ok, release.Id);
        }
        catch (DbUpdateException)
        {
            return (RuleResult.Fail(nameof(ReleaseDraft.Name), $"A release named {release.Name} was published meanwhile; each release has its own name."), null);
        }
    }

    private async Task<ReleaseContext> ContextAsync(CancellationToken cancellationToken)
    {
        var names = await db.ServiceReleases.Select(r => r.Name).ToListAsync(cancellationToken);
        var previous = await db.ServiceReleases.AsNoTracking().OrderByDescending(r => r.ScheduledOn).ThenByDescending(r => r.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

        // While the previous release is still to roll out, the clusters it will update will have its versions when the
        // new one starts: they are checked as its versions are. Every other cluster keeps its own, among them those whose
        // update to it failed or was skipped.
        var initialized = db.Clusters.Where(c => c.Status == ClusterStatus.Initialized && c.KubernetesVersion != null);
        if (previous is { CompletedAt: null })
        {
            var start = previous.StartsAt;
            initialized = initialized.Where(c => !db.ClusterUpdates.Any(u => u.ReleaseId == previous.Id && u.ClusterId == c.Id
                    && (u.Status == UpdateStatus.Scheduled || u.Status == UpdateStatus.Running))
                && !(c.CreatedAt < start && !db.ClusterUpdates.Any(u => u.ReleaseId == previous.Id && u.ClusterId == c.Id)));
        }

        IReadOnlyCollection<string> clusters = await initialized.Select(c => c.KubernetesVersion!).Distinct().ToListAsync(cancellationToken);
        return new ReleaseContext(Today, names, previous?.Name, previous?.ScheduledOn, previous?.Versions ?? ComponentVersions.Baseline, clusters);
    }

    private async Task<UpdateCounts> CountsAsync(ReleaseListItem release, Dictionary<UpdateStatus, int> counts, CancellationToken cancellationToken)
    {
        int Of(UpdateStatus status) => counts.GetValueOrDefault(status);
        var start = ServiceRelease.StartOf(release.ScheduledOn);
        var waiting = release.CompletedAt is null && release.ScheduledOn <= Today
            ? await db.Clusters.CountAsync(c => c.CreatedAt < start && !db.ClusterUpdates.Any(u => u.ReleaseId == release.Id && u.ClusterId == c.Id), cancellationToken)
            : 0;
        return new UpdateCounts(Of(UpdateStatus.Scheduled), Of(UpdateStatus.Running), Of(UpdateStatus.Succeeded), Of(UpdateStatus.Failed), Of(UpdateStatus.Skipped))
        {
            Waiting = waiting,
        };
    }

    private static IQueryable<ReleaseListItem> Items(IQueryable<ServiceRelease> releases) =>
        releases.Select(r => new ReleaseListItem(r.Id, r.Name, r.ScheduledOn, new ComponentVersions(r.KubernetesVersion, r.OperatorVersion, r.AgentVersion),
            r.PublishedBy, r.PublishedAt, r.CompletedAt, r.Notes));
}
