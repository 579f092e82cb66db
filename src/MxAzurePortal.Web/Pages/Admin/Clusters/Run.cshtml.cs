using Microsoft.AspNetCore.Mvc;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Admin.Clusters;

/// <summary>A run's steps and step logs, for staff under an active grant.</summary>
public sealed class RunModel(ClusterService clusters, StaffAccessService staffAccess) : GrantedPageModel(clusters, staffAccess)
{
    public RunDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid runId, CancellationToken cancellationToken)
    {
        if (await Clusters.GetRunAsync(id, runId, cancellationToken) is not { } details)
        {
            return NotFound();
        }

        if (await EnterAsync(id, $"viewed the step logs of {details.Run.Kind} run {runId}", cancellationToken) is { } refused)
        {
            return refused;
        }

        Details = details;
        return Page();
    }
}
