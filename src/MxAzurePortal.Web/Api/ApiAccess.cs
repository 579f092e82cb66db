using Microsoft.AspNetCore.Authorization;
using MxAzurePortal.Application.ApiTokens;
using MxAzurePortal.Application.Organisations;
using MxAzurePortal.Application.Security;

namespace MxAzurePortal.Web.Api;

/// <summary>Who may call an endpoint: its policy, and the words the OpenAPI document and 403 answers use for it.</summary>
public sealed record ApiAccess(string Policy, string? Scope, bool ClusterManager)
{
    /// <summary>Any member of the organisation, with a token that has <c>deployment:read</c>.</summary>
    public static readonly ApiAccess Read = new(ApiPolicies.Read, ApiScopeNames.DeploymentRead, false);

    /// <summary>A Cluster Manager, with a token that has <c>deployment:write</c>: the same people who change clusters in the portal.</summary>
    public static readonly ApiAccess Write = new(ApiPolicies.Write, ApiScopeNames.DeploymentWrite, true);

    /// <summary>Any valid token: the endpoint exists only to say it is unavailable and what to use instead.</summary>
    public static readonly ApiAccess Caller = new(ApiPolicies.Caller, null, false);

    public string Describe() => (Scope, ClusterManager) switch
    {
        (null, _) => "Any valid personal access token.",
        (_, true) => $"Token scope `{Scope}`; the token's user must be a Cluster Manager of the organisation.",
        _ => $"Token scope `{Scope}`; any member of the organisation.",
    };
}

public static class ApiPolicies
{
    public const string Caller = "Api" + nameof(Caller);
    public const string Read = "Api" + nameof(Read);
    public const string Write = "Api" + nameof(Write);

    /// <summary>Policies that authenticate with the MxToken scheme only: cookies never reach the API, so it needs no antiforgery.</summary>
    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Caller, p => Member(p))
        .AddPolicy(Read, p => Member(p).RequireClaim(ApiClaimTypes.Scope, ApiScopeNames.DeploymentRead))
        .AddPolicy(Write, p => Member(p)
            .RequireClaim(ApiClaimTypes.Scope, ApiScopeNames.DeploymentWrite)
            .RequireClaim(PortalClaimTypes.OrganisationRole, nameof(OrganisationRole.ClusterManager)));

    private static AuthorizationPolicyBuilder Member(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(ApiTokenAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser()
        .RequireClaim(PortalClaimTypes.OrganisationId)
        .RequireClaim(ApiClaimTypes.TokenId);
}
