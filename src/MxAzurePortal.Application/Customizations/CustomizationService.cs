using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Activity;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Clusters.Settings;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Runs;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Customizations;

/// <param name="AddedPool">The node pool a VM size change added, once it has.</param>
public sealed record ChangeView(
    Guid RunId, string Summary, RunStatus Status, string RequestedBy, DateTimeOffset CreatedAt, string? Error, string? AddedPool)
{
    /// <summary>Queued, Applying, Succeeded or Failed, as the page says it.</summary>
    public string State => Status switch { RunStatus.Running => "Applying", _ => Status.ToString() };
}

public sealed record CustomizationsView(ClusterOverview Cluster, string NodePool, DateTimeOffset? StorageTierLockedUntil, IReadOnlyList<ChangeView> Changes)
{
    public bool ChangeInProgress => Changes.Any(c => c.Status is RunStatus.Queued or RunStatus.Running);

    /// <summary>
    /// Pools that failed VM size changes since the last one that succeeded added beside the cluster's own: they run,
    /// billed, until the next VM size change removes them. Read from the changes the page lists.
    /// </summary>
    public IReadOnlyList<string> LeftoverPools => Changes
        .TakeWhile(c => !(c.Status == RunStatus.Succeeded && c.AddedPool is not null))
        .Where(c => c.Status == RunStatus.Failed && c.AddedPool is { } pool && pool != NodePool)
        .Select(c => c.AddedPool!).Distinct().Order(StringComparer.Ordinal).ToList();
}

/// <summary>The customizations the service allows after initialization, each applied as a tracked change run.</summary>
public sealed class CustomizationService(IPortalDb db, ICurrentUser user, ActivityLog activity, TimeProvider clock)
{
    public async Task<CustomizationsView?> GetAsync(Guid clusterId, ClusterOverview cluster, CancellationToken cancellationToken)
    {
        var state = await StateQuery(db.Context(), clusterId, cancellationToken);
        if (state is null)
        {
            return null;
        }

        var changes = await ChangesQuery(db.Context(), clusterId).ToListAsync(cancellationToken);
        var lockedUntil = state.StorageTierRaisedAt + ClusterRules.StorageTierLock;
        return new CustomizationsView(cluster, state.NodePoolName, lockedUntil > clock.GetUtcNow() ? lockedUntil : null, changes);
    }

    private sealed record CustomizationState(string NodePoolName, DateTimeOffset? StorageTierRaisedAt);

    // Both compiled once: the Customizations page reads them on every visit and every poll while a change applies.
    private static readonly Func<DbContext, Guid, CancellationToken, Task<CustomizationState?>> StateQuery =
        EF.CompileAsyncQuery((DbContext db, Guid clusterId, CancellationToken _) =>
            db.Set<Cluster>().Where(c => c.Id == clusterId).Select(c => new CustomizationState(c.NodePoolName, c.StorageTierRaisedAt)).SingleOrDefault());

    private static readonly Func<DbContext, Guid, IAsyncEnumerable<ChangeView>> ChangesQuery =
        EF.CompileAsyncQuery((DbContext db, Guid clusterId) =>
            db.Set<ClusterRun>().AsNoTracking().Where(r => r.ClusterId == clusterId && r.Kind == RunKind.Change)
                .OrderByDescending(r => r.CreatedAt).Take(20)
                .Select(r => new ChangeView(r.Id, r.Summary ?? "", r.Status, r.RequestedBy, r.CreatedAt,
                    r.Steps.Where(s => s.Status == StepStatus.Failed).Select(s => s.ErrorCode + ": " + s.ErrorMessage).FirstOrDefault(),
                    r.TargetNodePool != null && r.Steps.Any(s => s.Key == ChangePlanner.AddNodePoolStep && s.Status == StepStatus.Succeeded) ? r.TargetNodePool : null)));

    public async Task<RuleResult> ApplyAsync(Guid clusterId, CustomizationChange change, int version, CancellationToken cancellationToken)
    {
        var cluster = await db.Clusters.SingleOrDefaultAsync(c => c.Id == clusterId, cancellationToken);
        if (cluster is null)
        {
            return RuleResult.Fail("", "The cluster no longer exists.");
        }

        if (cluster.Status != ClusterStatus.Initialized)
        {
            return RuleResult.Fail("", $"Customizations apply to an initialized cluster; this one is {cluster.Status}.");
        }

        if (await db.Runs.AnyAsync(r => r.ClusterId == clusterId && (r.Status == RunStatus.Queued || r.Status == RunStatus.Running), cancellationToken))
        {
            return RuleResult.Fail("", "Another change is being applied to this cluster; wait until it ends, then apply yours.");
        }

        if (cluster.Version != version)
        {
            return Stale(change, cluster);
        }

        var rules = RuleResult.Combine(change.Check(cluster.Settings), TierLockRule(change, cluster));
        if (!rules.IsValid)
        {
            return rules;
        }

        var before = change.Describe(cluster.Settings);
        var target = change.ApplyTo(cluster.Settings);
        if (change.Describe(target) == before)
        {
            return RuleResult.Fail("", $"Nothing to apply: the cluster has {before} already.");
        }

        var requester = user.DisplayName ?? user.UserId ?? "unknown";
        var summary = $"{before} → {change.Describe(target)}";
        var leftovers = change.Kind == Customization.NodeVmSize ? await LeftoverPoolsAsync(cluster, cancellationToken) : [];
        var run = RunPlanner.Change(cluster, change.Kind, target, summary, requester, user.UserId, leftovers);
        db.Runs.Add(run);
        cluster.LastRunId = run.Id;
        cluster.Version++;
        activity.Add(cluster.OrganisationId, cluster.Id, cluster.Name, "CustomizationRequested", $"{requester} asked for {summary}.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return RuleResult.Ok;
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale(change, cluster);
        }
    }

    /// <summary>
    /// Pools failed VM size changes added but could not make the cluster's own (its old pool would not drain): they run
    /// and are billed until a size change removes them. Removing one already gone is a no-op, so a pool a later change
    /// removed may be named again.
    /// </summary>
    private async Task<List<string>> LeftoverPoolsAsync(Cluster cluster, CancellationToken cancellationToken) =>
        (await db.Runs.Where(r => r.ClusterId == cluster.Id && r.Kind == RunKind.Change && r.Status == RunStatus.Failed && r.TargetNodePool != null
                && r.Steps.Any(s => s.Key == ChangePlanner.AddNodePoolStep && s.Status == StepStatus.Succeeded))
            .Select(r => r.TargetNodePool!).Distinct().ToListAsync(cancellationToken))
        .Where(p => p != cluster.NodePoolName).Order(StringComparer.Ordinal).ToList();

    private RuleResult TierLockRule(CustomizationChange change, Cluster cluster) => change is PostgresChange postgres
        ? ClusterRules.StorageTierLowering(cluster.Settings.StoragePerformanceTier, postgres.PerformanceTier, cluster.StorageTierRaisedAt, clock.GetUtcNow())
        : RuleResult.Ok;

    private static RuleResult Stale(CustomizationChange change, Cluster cluster) => RuleResult.Fail("",
        $"Someone else changed this cluster since you opened the page; it now has {change.Describe(cluster.Settings)}. " +
        "Your change was not applied and your input is still in the form: review it and apply again.");
}
