using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Web.Api;

/// <summary>Packages, deployments and the jobs that carry them out.</summary>
public static class DeploymentEndpoints
{
    private const string Gate = "The package's Mendix version is read from `RuntimeVersion` in its `model/metadata.json`; a package without one, " +
                                "with a malformed one, or on Mendix earlier than 10.10 is refused with 422.";

    public static void MapDeploymentEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/packages", UploadAsync).WithTags("Packages").DisableAntiforgery()
            .WithName("UploadPackage").WithSummary("Upload a Mendix deployment package (.mda)")
            .WithDescription("Multipart form with the file in the field `package`. " + Gate + " The package can then be deployed by its id to any environment of the organisation.")
            .Produces<ApiPackage>(StatusCodes.Status201Created).ProducesProblem(400).ProducesProblem(413).ProducesProblem(422)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = Body(json: false);
                return Task.CompletedTask;
            })
            .For(ApiAccess.Write);
        api.MapGet("/packages/{packageId:guid}", async (Guid packageId, PackageService packages, CancellationToken ct) =>
                await packages.GetAsync(packageId, ct) is { } package ? Results.Ok(ApiPackage.From(package)) : ApiProblems.NotFound("The package"))
            .WithTags("Packages").WithName("GetPackage").WithSummary("Get an uploaded package")
            .Produces<ApiPackage>().ProducesProblem(404).For(ApiAccess.Read);

        api.MapPost("/clusters/{clusterId:guid}/environments/{environmentId:guid}/deployments", DeployAsync).WithTags("Deployments").DisableAntiforgery()
            .WithName("Deploy").WithSummary("Deploy a package to an environment (asynchronous)")
            .WithDescription("Either a multipart form with the `.mda` file in the field `package`, or JSON `{\"packageId\": \"…\"}` naming a package uploaded " +
                             "earlier. " + Gate + " Answers 202 with the job and its `Location`; poll `GET /api/v1/jobs/{id}` until `finished`.")
            .Produces<ApiJob>(StatusCodes.Status202Accepted).ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(422)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                operation.RequestBody = Body(json: true);
                return Task.CompletedTask;
            })
            .For(ApiAccess.Write);

        api.MapGet("/jobs/{jobId:guid}", async (Guid jobId, DeploymentService deployments, CancellationToken ct) =>
                await deployments.GetJobAsync(jobId, ct) is { } job ? Results.Ok(ApiJob.From(job)) : ApiProblems.NotFound("The job"))
            .WithTags("Jobs").WithName("GetJob").WithSummary("Get a job: its status, progress and outcome")
            .Produces<ApiJob>().ProducesProblem(404).For(ApiAccess.Read);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, PackageService packages)
    {
        var (file, problem) = await PackageUploads.ReadAsync(context);
        if (file is null)
        {
            return ApiProblems.From(problem!);
        }

        await using var content = file.OpenReadStream();
        var result = await packages.UploadAsync(file.FileName, content, context.RequestAborted);
        return result.Value is { } package
            ? Results.Created($"/api/v1/packages/{package.Id}", ApiPackage.From(package))
            : ApiProblems.From(result.Problem!);
    }

    private static async Task<IResult> DeployAsync(Guid clusterId, Guid environmentId, HttpContext context, DeploymentService deployments)
    {
        ChangeResult<JobView> result;
        if (context.Request.HasFormContentType)
        {
            var (file, problem) = await PackageUploads.ReadAsync(context);
            if (file is null)
            {
                return ApiProblems.From(problem!);
            }

            await using var content = file.OpenReadStream();
            result = await deployments.DeployUploadAsync(clusterId, environmentId, file.FileName, content, context.RequestAborted);
        }
        else
        {
            DeployRequest? body;
            try
            {
                body = await context.Request.ReadFromJsonAsync<DeployRequest>(
                    context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, context.RequestAborted);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException)
            {
                body = null;
            }

            if (body?.PackageId is not { } packageId)
            {
                return ApiProblems.From(new ChangeProblem(ProblemKind.Invalid, "PackageId",
                    "Send JSON {\"packageId\": \"…\"} naming an uploaded package, or a multipart form with the file in the field 'package'."));
            }

            result = await deployments.DeployAsync(clusterId, environmentId, packageId, context.RequestAborted);
        }

        return result.Value is { } job ? Results.Accepted(ApiJob.Location(job.Id), ApiJob.From(job)) : ApiProblems.From(result.Problem!);
    }

    private static OpenApiRequestBody Body(bool json)
    {
        var content = new Dictionary<string, OpenApiMediaType>
        {
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { PackageUploads.FieldName },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        [PackageUploads.FieldName] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The .mda file" },
                    },
                },
            },
        };
        if (json)
        {
            content["application/json"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "packageId" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["packageId"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid", Description = "The id of an uploaded package" },
                    },
                },
            };
        }

        return new OpenApiRequestBody { Required = true, Content = content };
    }
}
