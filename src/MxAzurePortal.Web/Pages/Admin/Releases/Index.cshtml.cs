using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Pages.Admin.Releases;

/// <summary>Every service release with its rollout state; Administrators also get the publish form.</summary>
public sealed class IndexModel(ReleaseService releases, IAuthorizationService authorization) : PageModel
{
    public IReadOnlyList<ReleaseListItem> Releases { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanPublish { get; private set; }

    public PublishModel.InputModel Input { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Releases = await releases.ListAsync(cancellationToken);
        Today = releases.Today;
        Input = PublishModel.InputModel.Suggested(Today);
        CanPublish = (await authorization.AuthorizeAsync(User, Policies.Administrator)).Succeeded;
    }
}
