using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Deployments;

/// <summary>Claims due jobs with a lease in the row, so several portal instances never drive one job at once.</summary>
public sealed class DeploymentJobLeases(IPortalDb db, TimeProvider clock, IOptions<DeploymentOptions> options)
{
    public async Task<IReadOnlyList<Guid>> ClaimDueAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var due = await Due(now).OrderBy(j => j.NextAttemptAt).Select(j => j.Id).Take(max).ToListAsync(cancellationToken);
        var claimed = new List<Guid>();
        foreach (var id in due)
        {
            if (await Due(now).Where(j => j.Id == id).ExecuteUpdateAsync(
                    j => j.SetProperty(x => x.LeaseOwner, owner).SetProperty(x => x.LeaseExpiresAt, until), cancellationToken) == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    /// <summary>Extends the lease while <paramref name="owner"/> still holds it; false when another worker took the job.</summary>
    public async Task<bool> RenewAsync(Guid jobId, string owner, CancellationToken cancellationToken) =>
        await db.DeploymentJobs.Where(j => j.Id == jobId && j.LeaseOwner == owner)
            .ExecuteUpdateAsync(j => j.SetProperty(x => x.LeaseExpiresAt, clock.GetUtcNow().AddSeconds(options.Value.LeaseSeconds)), cancellationToken) == 1;

    private IQueryable<DeploymentJob> Due(DateTimeOffset now) =>
        db.DeploymentJobs.Where(j => j.FinishedAt == null && j.NextAttemptAt <= now && (j.LeaseExpiresAt == null || j.LeaseExpiresAt < now));
}
