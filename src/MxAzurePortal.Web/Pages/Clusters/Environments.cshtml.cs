using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MxAzurePortal.Application.Clusters;
using MxAzurePortal.Application.Deployments;
using MxAzurePortal.Web.Api;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>
/// The Environments tab of a cluster: every member sees its environments and deployment jobs; Cluster Managers create and
/// remove environments and deploy packages, under the same rules as the Deploy API (the Mendix 10.10 gate among them).
/// </summary>
[PackageUploadLimits]
public sealed class EnvironmentsModel(
    ClusterService clusters, EnvironmentService environments, DeploymentService deployments, IAuthorizationService authorization) : PageModel
{
    [BindProperty]
    public CreateInput Create { get; set; } = new();

    [BindProperty]
    public DeployInput Deploy { get; set; } = new();

    public ClusterHeader Cluster { get; private set; } = null!;

    public IReadOnlyList<EnvironmentView> Environments { get; private set; } = [];

    public IReadOnlyList<JobView> Jobs { get; private set; } = [];

    public bool CanManage { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    /// <summary>
    /// The jobs fragment htmx polls while a job is active. When the last one ends the whole page is loaded again, since
    /// the environments it changed (their version, a removal) are outside the fragment.
    /// </summary>
    public async Task<IActionResult> OnGetJobsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Jobs.Any(j => j.IsActive))
        {
            Response.RefreshWholePage();
        }

        return Partial("_DeploymentJobs", this);
    }

    public Task<IActionResult> OnPostCreateAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(id, "Create", async () =>
        {
            var result = await environments.CreateAsync(id, new NewEnvironment(Create.Name ?? "", Create.Purpose), cancellationToken);
            return (result.Problem, $"Environment {result.Value?.Name} created: deploy a package to it below.");
        }, cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, Guid environmentId, CancellationToken cancellationToken) =>
        ManageAsync(id, "Environments", async () =>
        {
            var result = await environments.DeleteAsync(id, environmentId, cancellationToken);
            return (result.Problem, $"Removal of environment {result.Value?.EnvironmentName} started; it disappears when the job succeeds.");
        }, cancellationToken);

    public Task<IActionResult> OnPostDeployAsync(Guid id, CancellationToken cancellationToken) =>
        ManageAsync(id, "Deploy", async () =>
        {
            var (file, problem) = await PackageUploads.ReadAsync(HttpContext);
            if (file is null || Deploy.EnvironmentId is not { } environmentId)
            {
                return (problem ?? new ChangeProblem(ProblemKind.Invalid, nameof(DeployInput.EnvironmentId), "Choose the environment to deploy to."), "");
            }

            await using var content = file.OpenReadStream();
            var result = await deployments.DeployUploadAsync(id, environmentId, file.FileName, content, cancellationToken);
            return (result.Problem, $"Deployment of {file.FileName} (Mendix {result.Value?.RuntimeVersion}) to {result.Value?.EnvironmentName} started.");
        }, cancellationToken);

    private async Task<IActionResult> ManageAsync(
        Guid id, string form, Func<Task<(ChangeProblem? Problem, string Done)>> change, CancellationToken cancellationToken)
    {
        if (await clusters.GetHeaderAsync(id, cancellationToken) is null)
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, Policies.ClusterManager)).Succeeded)
        {
            return Forbid();
        }

        var (problem, done) = await change();
        if (problem is null)
        {
            TempData["Status"] = done;
            return RedirectToPage(new { id });
        }

        ModelState.AddModelError(problem.Field.Length == 0 ? form : $"{form}.{problem.Field}", problem.Message);
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await clusters.GetHeaderAsync(id, cancellationToken) is not { } cluster)
        {
            return false;
        }

        Cluster = cluster;
        Environments = await environments.ListAsync(id, cancellationToken) ?? [];
        Jobs = await deployments.ListJobsAsync(id, 20, cancellationToken);
        CanManage = (await authorization.AuthorizeAsync(User, Policies.ClusterManager)).Succeeded;
        return true;
    }

    public sealed class CreateInput
    {
        public string? Name { get; set; }

        public EnvironmentPurpose Purpose { get; set; }
    }

    public sealed class DeployInput
    {
        public Guid? EnvironmentId { get; set; }
    }
}
