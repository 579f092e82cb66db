using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Web.Api;

/// <summary>A cluster's environments: read by any member; created, changed and removed by Cluster Managers.</summary>
public static class EnvironmentEndpoints
{
    public static void MapEnvironmentEndpoints(this RouteGroupBuilder api)
    {
        var environments = api.MapGroup("/clusters/{clusterId:guid}/environments").WithTags("Environments");
        environments.MapGet("", async (Guid clusterId, EnvironmentService service, CancellationToken ct) =>
                await service.ListAsync(clusterId, ct) is { } list ? Results.Ok(list.Select(ApiEnvironment.From).ToList()) : ApiProblems.NotFound("The cluster"))
            .WithName("ListEnvironments").WithSummary("List a cluster's environments")
            .Produces<List<ApiEnvironment>>().ProducesProblem(404).For(ApiAccess.Read);
        environments.MapGet("/{environmentId:guid}", async (Guid clusterId, Guid environmentId, EnvironmentService service, CancellationToken ct) =>
                await service.GetAsync(clusterId, environmentId, ct) is { } environment ? Results.Ok(ApiEnvironment.From(environment)) : ApiProblems.NotFound("The environment"))
            .WithName("GetEnvironment").WithSummary("Get an environment").Produces<ApiEnvironment>().ProducesProblem(404).For(ApiAccess.Read);

        environments.MapPost("", async (Guid clusterId, CreateEnvironmentRequest body, EnvironmentService service, CancellationToken ct) =>
            {
                var result = await service.CreateAsync(clusterId, new NewEnvironment(body.Name ?? "", body.Purpose ?? EnvironmentPurpose.Development), ct);
                return result.Value is { } created
                    ? Results.Created($"/api/v1/clusters/{clusterId}/environments/{created.Id}", ApiEnvironment.From(created))
                    : ApiProblems.From(result.Problem!);
            })
            .WithName("CreateEnvironment").WithSummary("Create an environment in the cluster's namespace")
            .WithDescription("`name` is the environment's internal name (a DNS label, e.g. `test`); it names the app's resources and never changes. " +
                             "`purpose` is Development (the default), Acceptance or Production. The cluster must be Initialized.")
            .Produces<ApiEnvironment>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).For(ApiAccess.Write);
        environments.MapPatch("/{environmentId:guid}", async (Guid clusterId, Guid environmentId, UpdateEnvironmentRequest body, EnvironmentService service, CancellationToken ct) =>
            {
                if (body.Purpose is not { } purpose)
                {
                    return ApiProblems.From(new ChangeProblem(ProblemKind.Invalid, "Purpose", "Send the new purpose: Development, Acceptance or Production."));
                }

                var result = await service.UpdateAsync(clusterId, environmentId, purpose, ct);
                return result.Value is { } updated ? Results.Ok(ApiEnvironment.From(updated)) : ApiProblems.From(result.Problem!);
            })
            .WithName("UpdateEnvironment").WithSummary("Change an environment's purpose")
            .Produces<ApiEnvironment>().ProducesProblem(400).ProducesProblem(404).For(ApiAccess.Write);
        environments.MapDelete("/{environmentId:guid}", async (Guid clusterId, Guid environmentId, EnvironmentService service, CancellationToken ct) =>
            {
                var result = await service.DeleteAsync(clusterId, environmentId, ct);
                return result.Value is { } job ? Results.Accepted(ApiJob.Location(job.Id), ApiJob.From(job)) : ApiProblems.From(result.Problem!);
            })
            .WithName("DeleteEnvironment").WithSummary("Remove an environment and its app (asynchronous)")
            .WithDescription("Answers 202 with a job and its `Location`; poll the job until it is finished. The environment is gone when the job succeeds.")
            .Produces<ApiJob>(StatusCodes.Status202Accepted).ProducesProblem(404).ProducesProblem(409).For(ApiAccess.Write);
    }
}
