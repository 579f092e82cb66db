using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MxAzurePortal.Application.ApiTokens;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Identity;

namespace MxAzurePortal.Web.Api;

/// <summary>
/// The <c>MxToken</c> scheme: <c>Authorization: MxToken &lt;personal access token&gt;</c>. A valid token signs the request in
/// as its user with the same portal claims a cookie sign-in gets, read fresh from the user's membership, so a user who left
/// the organisation (or was locked out) is refused, and a changed role applies at once.
/// </summary>
public sealed class ApiTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiTokenAuthenticator tokens,
    UserManager<PortalUser> users,
    PortalClaimsBuilder claimsBuilder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MxToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (!header.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail($"Send a personal access token as 'Authorization: {SchemeName} <token>'.");
        }

        var check = await tokens.CheckAsync(header[(SchemeName.Length + 1)..].Trim(), Context.RequestAborted);
        if (check.Token is not { } token)
        {
            return AuthenticateResult.Fail(check.Failure!);
        }

        var user = await users.FindByIdAsync(token.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's user can no longer sign in.");
        }

        var portalClaims = await claimsBuilder.BuildAsync(user, Context.RequestAborted);
        var organisation = portalClaims.FirstOrDefault(c => c.Type == PortalClaimTypes.OrganisationId)?.Value;
        if (organisation != token.OrganisationId.ToString("D", CultureInfo.InvariantCulture))
        {
            return AuthenticateResult.Fail("The token's user is no longer a member of the organisation the token was created in.");
        }

        var identity = new ClaimsIdentity(SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.UserName ?? user.Id));
        if (user.Email is { } email)
        {
            identity.AddClaim(new Claim(ClaimTypes.Email, email));
        }

        identity.AddClaims(portalClaims);
        identity.AddClaim(new Claim(ApiClaimTypes.TokenId, token.Id.ToString("D", CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(ApiClaimTypes.TokenName, token.Name));
        identity.AddClaims(ApiScopeNames.Of(token.Scopes).Select(scope => new Claim(ApiClaimTypes.Scope, scope)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = SchemeName;
        await ApiProblems.Write(Context, StatusCodes.Status401Unauthorized, "Unauthorized",
            result.Failure?.Message ?? $"This API needs a personal access token: 'Authorization: {SchemeName} <token>'. Create one on your profile page ({TokensPage}).",
            "unauthorized");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.Write(Context, StatusCodes.Status403Forbidden, "Forbidden", "The token may not make this call.", "forbidden");

    public const string TokensPage = "/Account/Tokens";
}
