using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Api;

/// <summary>
/// For API endpoints, a refusal says which requirement the token missed (a scope, the Cluster Manager role) as problem
/// details; pages keep the default behaviour (redirects to sign-in and access denied).
/// </summary>
public sealed class ApiAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler fallback = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || context.GetEndpoint()?.Metadata.GetMetadata<ApiAccess>() is null)
        {
            return fallback.HandleAsync(next, context, policy, authorizeResult);
        }

        var missing = authorizeResult.AuthorizationFailure?.FailedRequirements.OfType<ClaimsAuthorizationRequirement>().ToList() ?? [];
        var reasons = new List<string>();
        if (missing.FirstOrDefault(r => r.ClaimType == ApiClaimTypes.Scope) is { } scope)
        {
            reasons.Add($"the token lacks the scope {string.Join(" or ", scope.AllowedValues ?? [])} (create a token with it on {ApiTokenAuthenticationHandler.TokensPage})");
        }

        if (missing.Any(r => r.ClaimType == PortalClaimTypes.OrganisationRole))
        {
            reasons.Add("this call changes a cluster's apps, which needs the Cluster Manager role in your organisation");
        }

        var detail = reasons.Count == 0 ? "The token may not make this call." : "Refused: " + string.Join("; and ", reasons) + ".";
        return ApiProblems.Write(context, StatusCodes.Status403Forbidden, "Forbidden", detail, "forbidden");
    }
}
