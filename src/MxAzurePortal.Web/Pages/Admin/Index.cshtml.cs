using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Admin;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Sandbox.Hosting;

namespace MxAzurePortal.Web.Pages.Admin;

public sealed class IndexModel(AdminService admin, IMendixOnKubernetes mendixOnKubernetes, IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public AdminOrganisationPage Organisations { get; private set; } = new([], 1, 0);

    public AdminQueue Queue { get; private set; } = new([], []);

    public ServiceAvailability MendixOnKubernetes { get; private set; } = null!;

    /// <summary>Present in the sandbox only, where staff may switch the simulated service off and on.</summary>
    public bool CanSwitchMendixOnKubernetes => services.GetService<MendixOnKubernetesSimulator>() is not null;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Search = SearchText.Limit(Search);
        Organisations = await admin.ListOrganisationsAsync(new AdminOrganisationQuery(Search, PageNumber), cancellationToken);
        Queue = await admin.GetQueueAsync(cancellationToken);
        MendixOnKubernetes = await mendixOnKubernetes.GetAvailabilityAsync(cancellationToken);
    }

    public IActionResult OnPostMendixOnKubernetes(bool available)
    {
        if (services.GetService<MendixOnKubernetesSimulator>() is not { } simulator)
        {
            return NotFound();
        }

        simulator.Available = available;
        TempData["Status"] = $"Simulated Mendix on Kubernetes is now {(available ? "available" : "unavailable")}.";
        return RedirectToPage();
    }
}
