using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Web.Pages.Clusters.Manage;

/// <summary>Step 1 of the guided flow: where the cluster goes. The cluster is recorded, Ready to initialize.</summary>
public sealed class NewModel(ClusterService clusters) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, id) = await clusters.CreateAsync(
            new NewCluster(Input.Name.Trim(), Input.SubscriptionId.Trim(), Input.ResourceGroup.Trim(), Input.CreateResourceGroup, Input.Region),
            cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddRuleErrors(result);
            return Page();
        }

        await clusters.RunPreflightAsync(id!.Value, cancellationToken);
        return RedirectToPage("Preflight", new { id });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Give the cluster a name.")]
        [StringLength(40, ErrorMessage = "A cluster name has at most 40 characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the id of the Azure subscription the cluster goes into.")]
        [StringLength(36, ErrorMessage = "A subscription id has 36 characters, such as 00000000-0000-0000-0000-000000000000.")]
        public string SubscriptionId { get; set; } = "";

        [Required(ErrorMessage = "Name the resource group.")]
        [StringLength(90, ErrorMessage = "A resource group name has at most 90 characters.")]
        public string ResourceGroup { get; set; } = "";

        public bool CreateResourceGroup { get; set; } = true;

        [Required(ErrorMessage = "Choose a region.")]
        public string Region { get; set; } = "westeurope";
    }
}
