using System.Collections.Concurrent;
using MxAzurePortal.Infrastructure.Data;

namespace MxAzurePortal.IntegrationTests.Hosting;

/// <summary>A lease seen in the database: which row, held by which worker.</summary>
public sealed record Lease(Guid Id, string Owner);

/// <summary>
/// Reads the leases held in the database every few milliseconds while portal instances work, to show which worker
/// held each row and that none changed hands.
/// </summary>
public sealed class LeaseWatch : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<string, bool>> owners = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task sampling;

    public LeaseWatch(PortalFactory factory, Func<PortalDbContext, Task<List<Lease>>> leases)
    {
        sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var lease in await factory.WithDatabaseAsync(leases))
                {
                    owners.GetOrAdd(lease.Id, _ => new())[lease.Owner] = true;
                }

                await Task.Delay(10);
            }
        });
    }

    /// <summary>The owners seen for each row that was seen leased.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyCollection<string>> Owners =>
        owners.ToDictionary(o => o.Key, o => (IReadOnlyCollection<string>)o.Value.Keys.ToList());

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await sampling;
        stop.Dispose();
    }
}
