using Microsoft.AspNetCore.Mvc;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Admin.Clusters;

/// <summary>The cluster's settings and Azure resources, for staff under an active grant.</summary>
public sealed class ResourcesModel(ClusterService clusters, StaffAccessService staffAccess) : GrantedPageModel(clusters, staffAccess)
{
    public ClusterOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await EnterAsync(id, "viewed the cluster's resources and settings", cancellationToken) is { } refused)
        {
            return refused;
        }

        Overview = (await Clusters.GetOverviewAsync(id, cancellationToken))!;
        return Page();
    }
}
