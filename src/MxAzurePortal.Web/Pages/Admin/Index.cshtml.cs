using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Admin;

namespace MxAzurePortal.Web.Pages.Admin;

public sealed class IndexModel(AdminService admin) : PageModel
{
    public IReadOnlyList<OrganisationSummary> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Organisations = await admin.ListOrganisationsAsync(cancellationToken);
}
