using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Web.Pages.Clusters.Support;

/// <summary>Open a Ticket: stored at once, then delivered to Zendesk by the outbox; the user is told it is on its way.</summary>
public sealed class NewModel(ClusterService clusters, TicketService tickets) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public Guid ClusterId { get; private set; }

    public string ClusterName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        Input.SubmissionId = Guid.NewGuid();
        return await LoadAsync(id, cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, ticketId) = await tickets.OpenAsync(id, new OpenTicket(
            Input.Subject, Input.Description, Input.Severity, Input.ShareLogs, Input.GrantAccess ? Input.AccessHours : null, Input.SubmissionId),
            cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddRuleErrors(result);
            return Page();
        }

        TempData["Status"] = "Your ticket is on its way to Mendix Support; its status appears here as soon as Zendesk has it.";
        return RedirectToPage("/Clusters/Support/Details", new { id, ticketId });
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var cluster = await clusters.GetHeaderAsync(id, cancellationToken);
        if (cluster is null)
        {
            return false;
        }

        (ClusterId, ClusterName) = (cluster.Id, cluster.Name);
        return true;
    }

    public sealed class InputModel
    {
        /// <summary>Given when the form is shown; it makes a second post of the same form open no second ticket.</summary>
        public Guid SubmissionId { get; set; }

        [Required(ErrorMessage = "Give the ticket a subject.")]
        [StringLength(SupportTicket.SubjectMaxLength, ErrorMessage = "A subject has at most 150 characters.")]
        public string Subject { get; set; } = "";

        [Required(ErrorMessage = "Describe the problem.")]
        [StringLength(20000, ErrorMessage = "A description has at most 20,000 characters.")]
        public string Description { get; set; } = "";

        public TicketSeverity Severity { get; set; } = TicketSeverity.Medium;

        public bool ShareLogs { get; set; }

        public bool GrantAccess { get; set; }

        [Range(1, 8, ErrorMessage = "Direct access can be granted for 1 to 8 hours.")]
        public int AccessHours { get; set; } = 2;
    }
}
