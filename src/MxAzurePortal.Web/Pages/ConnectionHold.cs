using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Web.Pages;

public static class ConnectionHold
{
    /// <summary>
    /// Holds one connection for the rest of the scope, for a page that sends several statements: EF Core otherwise opens
    /// and closes the connection around each one, and each open of a pooled SQLite connection registers EF Core's SQL
    /// functions again and each close removes them (SQL Server resets a pooled connection on its next use instead).
    /// The connection is closed when the scope returns the context to the pool. No transaction is held: each statement
    /// still reads the latest committed state.
    /// </summary>
    public static Task HoldConnectionAsync(this IPortalDb db, CancellationToken cancellationToken) =>
        db.Context().Database.OpenConnectionAsync(cancellationToken);
}
