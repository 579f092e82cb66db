using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Updates;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Pages.Admin.Releases;

/// <summary>Publishing a release: Administrators only (Support Engineers read the releases but cannot publish).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class PublishModel(ReleaseService releases) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet() => Input = InputModel.Suggested(releases.Today);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (result, id) = await releases.PublishAsync(new ReleaseDraft(
            Input.Name.Trim(), Input.KubernetesVersion.Trim(), Input.OperatorVersion.Trim(), Input.AgentVersion.Trim(),
            Input.ScheduledOn!.Value, Input.Notes), cancellationToken);
        if (!result.IsValid)
        {
            ModelState.AddRuleErrors(result);
            return Page();
        }

        TempData["Status"] = $"Release {Input.Name.Trim()} is published; it rolls out to every initialized cluster from {Input.ScheduledOn:yyyy-MM-dd} (UTC).";
        return RedirectToPage("Details", new { id });
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Name the release, such as 2026 Q4.")]
        [StringLength(ServiceRelease.NameMaxLength, ErrorMessage = "A release name has at most 40 characters.")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the Kubernetes version, such as 1.31.2.")]
        [StringLength(32)]
        public string KubernetesVersion { get; set; } = "";

        [Required(ErrorMessage = "Enter the Mendix Operator version, such as 2.21.1.")]
        [StringLength(32)]
        public string OperatorVersion { get; set; } = "";

        [Required(ErrorMessage = "Enter the Mendix Agent version, such as 2.21.1.")]
        [StringLength(32)]
        public string AgentVersion { get; set; } = "";

        [Required(ErrorMessage = "Choose the date the rollout starts.")]
        public DateOnly? ScheduledOn { get; set; }

        [StringLength(ServiceRelease.NotesMaxLength, ErrorMessage = "Notes have at most 2000 characters.")]
        public string? Notes { get; set; }

        /// <summary>The usual schedule: a release is created 14 days before it starts.</summary>
        public static InputModel Suggested(DateOnly today) => new() { ScheduledOn = today.AddDays(14) };
    }
}
