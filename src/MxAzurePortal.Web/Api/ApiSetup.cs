using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Api;

/// <summary>
/// The Deploy API under <c>/api/v1</c>: the MxToken scheme and its policies, per-token rate limits, the OpenAPI document,
/// and problem details for every error it answers.
/// </summary>
public static class ApiSetup
{
    public const string Prefix = "/api/v1";
    public const string OpenApiPath = Prefix + "/openapi.json";

    public static IServiceCollection AddDeployApi(this IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddApiPolicies();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResultHandler>();
        services.AddApiRateLimiting();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddApiDocument();
        return services;
    }

    /// <summary>Before authentication: no API answer becomes the HTML error page, and an empty error gets problem details.</summary>
    public static IApplicationBuilder UseDeployApiErrors(this IApplicationBuilder app) =>
        app.UseWhen(context => context.Request.Path.StartsWithSegments(Prefix), api => api.Use(async (context, next) =>
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }

            try
            {
                await next(context);
            }
            catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                // A bug, not an answer: logged with its stack; the caller gets problem details, never the HTML error page.
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("MxAzurePortal.Web.Api")
                    .LogError(exception, "Deploy API request {Method} {Path} failed", context.Request.Method, context.Request.Path);
                context.Response.Clear();
                await ApiProblems.Write(context, StatusCodes.Status500InternalServerError, "Internal Server Error",
                    "The request failed on the portal's side. Try again; if it keeps failing, tell Mendix Support the time of the request.", "internal-error");
                return;
            }

            if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } response && string.IsNullOrEmpty(response.ContentType))
            {
                await ApiProblems.Write(context, response.StatusCode, ReasonPhrases(response.StatusCode), "The request could not be served.", "http-" + response.StatusCode);
            }
        }));

    public static IEndpointRouteBuilder MapDeployApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi(OpenApiPath).AllowAnonymous();
        var api = endpoints.MapGroup(Prefix).RequireRateLimiting(ApiRateLimiting.Policy);
        api.AddEndpointFilter(async (context, next) =>
        {
            // The token's user is known only after authorization; scope the data layer to their organisation, as for a page.
            var user = context.HttpContext.RequestServices.GetRequiredService<ICurrentUser>();
            if (user.OrganisationId is { } organisation)
            {
                context.HttpContext.RequestServices.GetRequiredService<TenantScope>().LimitTo(organisation);
            }

            return await next(context);
        });
        api.MapClusterEndpoints();
        api.MapEnvironmentEndpoints();
        api.MapDeploymentEndpoints();
        endpoints.MapFallback(Prefix + "/{**path}", () => ApiProblems.Problem(StatusCodes.Status404NotFound, "Not found",
            $"There is no such API operation; see {OpenApiPath} or /api/docs.", "not-found")).AllowAnonymous().ExcludeFromDescription();
        return endpoints;
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Error";
}
