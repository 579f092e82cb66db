using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Runs;

/// <summary>
/// Who drives which run: a lease with an expiry in the run's row, taken and renewed by conditional UPDATEs, so only
/// one worker drives a run even with several portal instances on one database.
/// </summary>
public sealed class RunLeases(IPortalDb db, TimeProvider clock, IOptions<RunOptions> options)
{
    /// <summary>Claims the oldest run that is waiting or whose lease has expired; null when there is none.</summary>
    public async Task<Guid?> ClaimNextAsync(string owner, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await Claimable(now).OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(8).ToListAsync(cancellationToken);
        foreach (var id in candidates)
        {
            var until = now + options.Value.Lease;
            var claimed = await Claimable(now).Where(r => r.Id == id).ExecuteUpdateAsync(
                run => run.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseExpiresAt, until), cancellationToken);
            if (claimed == 1)
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Extends the lease; false when another worker has taken the run, which must then be left alone.</summary>
    public async Task<bool> RenewAsync(Guid runId, string owner, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow() + options.Value.Lease;
        var renewed = await db.Runs.Where(r => r.Id == runId && r.LeaseOwner == owner)
            .ExecuteUpdateAsync(run => run.SetProperty(r => r.LeaseExpiresAt, until), cancellationToken);
        return renewed == 1;
    }

    public Task ReleaseAsync(Guid runId, string owner, CancellationToken cancellationToken) =>
        db.Runs.Where(r => r.Id == runId && r.LeaseOwner == owner).ExecuteUpdateAsync(
            run => run.SetProperty(r => r.LeaseOwner, (string?)null).SetProperty(r => r.LeaseExpiresAt, (DateTimeOffset?)null),
            cancellationToken);

    private IQueryable<ClusterRun> Claimable(DateTimeOffset now) =>
        db.Runs.Where(r => (r.Status == RunStatus.Queued || r.Status == RunStatus.Running)
            && (r.LeaseExpiresAt == null || r.LeaseExpiresAt < now));
}
