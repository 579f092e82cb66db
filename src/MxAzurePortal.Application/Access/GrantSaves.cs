using Microsoft.EntityFrameworkCore;
using MxAzurePortal.Application.Common;

namespace MxAzurePortal.Application.Access;

/// <summary>
/// Saves changes to access grants, whose status is a concurrency token: when another request moved a grant since it
/// was read (a revocation while staff start it, two requests settling its expiry), nothing of this one is written.
/// </summary>
internal static class GrantSaves
{
    public const string Changed = "The access grant changed meanwhile: someone answered, started or ended it. Look at it again.";

    public static async Task<bool> TrySaveAsync(this IPortalDb db, CancellationToken cancellationToken)
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
    }
}
