using Microsoft.AspNetCore.Mvc;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Web.Pages.Admin.Clusters;

/// <summary>The cluster's recent logs (secrets redacted), for staff under an active grant.</summary>
public sealed class LogsModel(ClusterService clusters, StaffAccessService staffAccess, IClusterLogs logs) : GrantedPageModel(clusters, staffAccess)
{
    public const int MaxLines = 500;

    public IReadOnlyList<string> Lines { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await EnterAsync(id, "viewed the cluster's recent logs", cancellationToken) is { } refused)
        {
            return refused;
        }

        Lines = [.. (await logs.GetRecentAsync(id, ClusterName, MaxLines, cancellationToken)).Select(SecretRedactor.Redact)];
        return Page();
    }
}
