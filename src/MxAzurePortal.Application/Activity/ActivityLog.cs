using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Application.Activity;

/// <summary>Writes activity entries; the caller saves them with the change they describe, in one transaction.</summary>
public sealed class ActivityLog(IPortalDb db, ICurrentUser user, TimeProvider clock)
{
    public const string System = "Mendix on Azure";

    public void Add(Guid organisationId, Guid? clusterId, string clusterName, string action, string summary, bool bySystem = false, Guid? accessGrantId = null) =>
        db.ActivityEntries.Add(new ActivityEntry
        {
            OrganisationId = organisationId,
            ClusterId = clusterId,
            ClusterName = clusterName,
            At = clock.GetUtcNow(),
            Actor = bySystem ? System : (user.DisplayName ?? user.UserId ?? System) + (user.ApiTokenName is { } token ? $" via API token {token}" : ""),
            ActorUserId = bySystem ? null : user.UserId,
            FromAddress = bySystem ? null : user.RemoteAddress,
            Action = action,
            Summary = summary,
            AccessGrantId = accessGrantId,
        });
}
