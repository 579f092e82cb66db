using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Application.Support;
using MxAzurePortal.IntegrationTests.Hosting;

namespace MxAzurePortal.IntegrationTests.Zendesk;

/// <summary>
/// Every portal instance runs the Zendesk sync over one cursor row. An instance that reads the cursor and is overtaken
/// by another gives way: no error, and the cursor is never moved back.
/// </summary>
public sealed class TicketSyncRaceTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task An_instance_overtaken_by_another_gives_way_and_leaves_the_newer_cursor()
    {
        await CursorAsync(); // the portal's own first round has created it
        var release = new TaskCompletionSource();
        var slow = Instance(new OneExportPage("slow-cursor", release.Task));
        var fast = Instance(new OneExportPage("fast-cursor", Task.CompletedTask));

        var overtaken = slow.Sync.RunOnceAsync(CancellationToken.None);
        await fast.Sync.RunOnceAsync(CancellationToken.None);
        release.SetResult();
        var exception = await Record.ExceptionAsync(() => overtaken);

        Assert.Null(exception);
        Assert.Equal("fast-cursor", (await CursorAsync()).Cursor);
        await slow.Scope.DisposeAsync();
        await fast.Scope.DisposeAsync();
    }

    [Fact]
    public async Task Instances_that_start_on_no_cursor_at_once_create_it_once_without_an_error()
    {
        await CursorAsync();
        for (var round = 0; round < 20; round++)
        {
            await factory.WithDatabaseAsync(db => db.SyncCursors.ExecuteDeleteAsync());
            var first = Instance(new OneExportPage($"first-{round}", Task.CompletedTask));
            var second = Instance(new OneExportPage($"second-{round}", Task.CompletedTask));

            var exception = await Record.ExceptionAsync(() => Task.WhenAll(
                Task.Run(() => first.Sync.RunOnceAsync(CancellationToken.None)),
                Task.Run(() => second.Sync.RunOnceAsync(CancellationToken.None))));

            Assert.Null(exception);
            Assert.Equal(1, await factory.WithDatabaseAsync(db => db.SyncCursors.CountAsync()));
            await first.Scope.DisposeAsync();
            await second.Scope.DisposeAsync();
        }
    }

    /// <summary>The cursor row, once the portal's own first round has written it.</summary>
    private async Task<SyncCursor> CursorAsync()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (await factory.WithDatabaseAsync(db => db.SyncCursors.AsNoTracking().SingleOrDefaultAsync()) is { } cursor)
            {
                return cursor;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the portal's first Zendesk sync did not create the cursor within 10 s");
    }

    /// <summary>A sync as another instance would run it: its own scope and database context.</summary>
    private (AsyncServiceScope Scope, TicketSync Sync) Instance(OneExportPage export)
    {
        var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<TenantScope>().OpenToAllOrganisations();
        export.Inner = services.GetRequiredService<ITicketDesk>();
        var sync = new TicketSync(services.GetRequiredService<IPortalDb>(), export, services.GetRequiredService<TicketService>(),
            factory.Clock, services.GetRequiredService<IOptions<SupportOptions>>());
        return (scope, sync);
    }

    /// <summary>The real desk, except that the export answers one empty last page with the given cursor when the gate opens.</summary>
    private sealed class OneExportPage(string cursor, Task gate) : ITicketDesk
    {
        public ITicketDesk Inner { get; set; } = null!;

        public async Task<DeskExportPage> ExportChangesAsync(string? after, DateTimeOffset startTime, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            return new DeskExportPage([], cursor, EndOfStream: true);
        }

        public Task<IReadOnlyList<DeskTicket>> FindByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
            Inner.FindByExternalIdAsync(externalId, cancellationToken);

        public Task<string> UploadAsync(string fileName, string contentType, byte[] content, CancellationToken cancellationToken) =>
            Inner.UploadAsync(fileName, contentType, content, cancellationToken);

        public Task<DeskTicket> CreateAsync(NewDeskTicket ticket, string idempotencyKey, CancellationToken cancellationToken) =>
            Inner.CreateAsync(ticket, idempotencyKey, cancellationToken);

        public Task<IReadOnlyList<DeskTicket>> GetManyAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken) =>
            Inner.GetManyAsync(ids, cancellationToken);

        public Uri RequesterLink(long ticketId) => Inner.RequesterLink(ticketId);

        public Uri AgentLink(long ticketId) => Inner.AgentLink(ticketId);
    }
}
