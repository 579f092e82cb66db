using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Access;
using MxAzurePortal.Application.Admin;

namespace MxAzurePortal.Web.Pages.Admin.Tickets;

/// <summary>A ticket for staff, with its access grants and the form to request access to its cluster.</summary>
public sealed class DetailsModel(AdminService admin, StaffAccessService staffAccess) : PageModel
{
    public AdminTicketDetails Ticket { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await admin.GetTicketAsync(id, cancellationToken) is not { } ticket)
        {
            return NotFound();
        }

        Ticket = ticket;
        return Page();
    }

    public async Task<IActionResult> OnPostRequestAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await OnGetAsync(id, cancellationToken) is not PageResult page)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return page;
        }

        var (result, _) = await staffAccess.RequestAsync(id, new AccessRequestInput(Input.Reason ?? "", Input.DurationHours), cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddRuleErrors(result);
            return page;
        }

        TempData["Status"] = "Access requested. The customer's Cluster Manager has 24 hours to approve or deny it.";
        return RedirectToPage(new { id });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Say why you need access.")]
        [StringLength(StaffAccessService.ReasonMaxLength, MinimumLength = StaffAccessService.ReasonMinLength,
            ErrorMessage = "Say why you need access, in {2} to {1} characters.")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }

        [Range(1, AccessGrant.MaxHours, ErrorMessage = "Access can be requested for 1 to 8 hours.")]
        [Display(Name = "Hours")]
        public int DurationHours { get; set; } = 2;
    }
}
