using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Support;

/// <summary>Claims due deliveries with a lease in the row, so several portal instances never deliver one twice at once.</summary>
public sealed class TicketDeliveryLeases(IPortalDb db, TimeProvider clock, IOptions<SupportOptions> options)
{
    public async Task<IReadOnlyList<Guid>> ClaimDueAsync(string owner, int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var due = await Due(now).OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(max).ToListAsync(cancellationToken);
        var claimed = new List<Guid>();
        foreach (var id in due)
        {
            if (await Due(now).Where(d => d.Id == id).ExecuteUpdateAsync(
                    d => d.SetProperty(x => x.LeaseOwner, owner).SetProperty(x => x.LeaseExpiresAt, until), cancellationToken) == 1)
            {
                claimed.Add(id);
            }
        }

        return claimed;
    }

    private IQueryable<TicketDelivery> Due(DateTimeOffset now) =>
        db.TicketDeliveries.Where(d => d.DeliveredAt == null && d.NextAttemptAt <= now && (d.LeaseExpiresAt == null || d.LeaseExpiresAt < now));
}
