using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Support;

/// <summary>
/// The safety net behind webhooks: follows Zendesk's incremental export cursor and records every change to a portal
/// ticket. The cursor is kept in the database, so a restart (or another instance) continues where it was.
/// </summary>
/// <remarks>
/// Every instance runs the sync; the cursor row decides which one's round counts. Its <c>Version</c> is a
/// concurrency token: an instance whose cursor another instance created or moved since it read it stops its round
/// (what it applied is applied again by the other, harmlessly) and reads the moved cursor next time.
/// </remarks>
public sealed class TicketSync(IPortalDb db, ITicketDesk desk, TicketService tickets, TimeProvider clock, IOptions<SupportOptions> options)
{
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var state = await db.SyncCursors.SingleOrDefaultAsync(c => c.Key == SyncCursor.ZendeskTickets, cancellationToken);
        if (state is null)
        {
            // The first round anywhere: the row is created on its own, before the tickets' changes are saved with it.
            state = new SyncCursor { Key = SyncCursor.ZendeskTickets, UpdatedAt = clock.GetUtcNow() };
            db.SyncCursors.Add(state);
            if (!await SaveCursorAsync(creating: true, cancellationToken))
            {
                return 0;
            }
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
            state.Version++;
            if (!await SaveCursorAsync(creating: false, cancellationToken))
            {
                return changed;
            }

            if (export.EndOfStream)
            {
                break;
            }
        }

        return changed;
    }

    /// <summary>False when another instance created or moved the cursor first: this round ends.</summary>
    private async Task<bool> SaveCursorAsync(bool creating, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
        catch (DbUpdateException) when (creating)
        {
            // The insert failed: because another instance created the cursor meanwhile, or for a real reason.
            if (await CursorExistsAsync(cancellationToken))
            {
                return false;
            }

            throw;
        }
    }

    private Task<bool> CursorExistsAsync(CancellationToken cancellationToken) =>
        db.SyncCursors.AsNoTracking().AnyAsync(c => c.Key == SyncCursor.ZendeskTickets, cancellationToken);
}
