using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Support;

/// <summary>
/// The safety net behind webhooks: follows Zendesk's incremental export cursor and records every change to a portal
/// ticket. The cursor is kept in the database, so a restart (or another instance) continues where it was.
/// </summary>
public sealed class TicketSync(IPortalDb db, ITicketDesk desk, TicketService tickets, TimeProvider clock, IOptions<SupportOptions> options)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var state = await db.SyncCursors.SingleOrDefaultAsync(c => c.Key == SyncCursor.ZendeskTickets, cancellationToken);
        if (state is null)
        {
            state = new SyncCursor { Key = SyncCursor.ZendeskTickets };
            db.SyncCursors.Add(state);
        }

        // Zendesk wants the first start_time at least a minute in the past.
        var start = clock.GetUtcNow().AddHours(-options.Value.SyncLookBackHours);
        var changed = 0;
        for (var page = 0; page < options.Value.SyncMaxPages; page++)
        {
            var export = await desk.ExportChangesAsync(state.Cursor, start, cancellationToken);
            await tickets.ApplyAsync(export.Tickets, cancellationToken);
            changed += export.Tickets.Count;
            state.Cursor = export.AfterCursor ?? state.Cursor;
            state.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            if (export.EndOfStream)
            {
                break;
            }
        }

        return changed;
    }
}
