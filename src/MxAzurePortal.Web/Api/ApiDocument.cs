using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Web.Api;

/// <summary>The OpenAPI document of <c>/api/v1</c>: the MxToken scheme, and per operation who may call it.</summary>
public static class ApiDocument
{
    public const string Name = "v1";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) => services.AddOpenApi(Name, options =>
    {
        options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1/", StringComparison.OrdinalIgnoreCase) == true;
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Mendix on Azure Deploy API",
                Version = "v1",
                Description =
                    "The Mendix on Kubernetes Deploy API as Mendix on Azure offers it. Authenticate with a personal access token from your profile " +
                    "page: `Authorization: MxToken <token>`. Scopes: `deployment:read` for reads (any member), `deployment:write` for changes " +
                    "(Cluster Managers only). Creating, editing and deleting clusters and namespaces is unavailable by design (403): Mendix " +
                    $"manages them. Changes run as asynchronous jobs. Apps on Mendix earlier than {MendixVersion.MinimumDeployable.Major}." +
                    $"{MendixVersion.MinimumDeployable.Minor} are refused. Every token is rate limited; a 429 carries Retry-After.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[ApiTokenAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = "Authorization",
                Description = "A personal access token, sent as `MxToken <token>`. Create and revoke tokens on your profile page (/Account/Tokens).",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ApiAccess>().FirstOrDefault() is { } access)
            {
                operation.Description = (operation.Description is { Length: > 0 } text ? text + "\n\n" : "") + "**Who may call it:** " + access.Describe();
                operation.Security =
                [
                    new OpenApiSecurityRequirement
                    {
                        [new OpenApiSecuritySchemeReference(ApiTokenAuthenticationHandler.SchemeName, context.Document)] = access.Scope is null ? [] : [access.Scope],
                    },
                ];
            }

            return Task.CompletedTask;
        });
    });
}
