using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Identity;

namespace MxAzurePortal.Web.Security;

/// <summary>
/// The Entra ID session's counterpart of Identity's security stamp check. The portal's claims (organisation, its role,
/// staff role) are written into the cookie at sign-in; once a minute they are built again from the portal's users and
/// memberships, so a removed membership, a changed role or a locked account takes effect within a minute, not at the
/// cookie's expiry. Staff groups are Entra ID's and are read at sign-in, so a session also ends
/// <see cref="MaxAge"/> after it began, however active: leaving the staff group takes effect by then at the latest.
/// </summary>
public static class EntraSessions
{
    public static readonly TimeSpan ValidationInterval = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(8);

    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(12);

    private const string SignedInAt = "mx:signed_in_at";

    public static void Configure(CookieAuthenticationOptions cookie)
    {
        cookie.ExpireTimeSpan = IdleTimeout;
        cookie.SlidingExpiration = true;
        var signingIn = cookie.Events.OnSigningIn;
        cookie.Events.OnSigningIn = context =>
        {
            context.Properties.Items[SignedInAt] = Now(context.Options).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            return signingIn(context);
        };
        var validatePrincipal = cookie.Events.OnValidatePrincipal;
        cookie.Events.OnValidatePrincipal = async context =>
        {
            await ValidateAsync(context);
            if (context.Principal is not null)
            {
                await validatePrincipal(context);
            }
        };
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var now = Now(context.Options);
        if (!context.Properties.Items.TryGetValue(SignedInAt, out var began)
            || !long.TryParse(began, NumberStyles.None, CultureInfo.InvariantCulture, out var signedInAt)
            || now - DateTimeOffset.FromUnixTimeSeconds(signedInAt) > MaxAge)
        {
            await EndAsync(context);
            return;
        }

        if (context.Properties.IssuedUtc is { } issued && now - issued <= ValidationInterval)
        {
            return;
        }

        var services = context.HttpContext.RequestServices;
        var users = services.GetRequiredService<UserManager<PortalUser>>();
        var userId = context.Principal?.FindFirst(PortalClaimTypes.UserId)?.Value;
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || context.Principal?.Identity is not ClaimsIdentity identity || await users.IsLockedOutAsync(user))
        {
            await EndAsync(context);
            return;
        }

        var refreshed = new ClaimsIdentity(
            identity.Claims.Where(c => !PortalClaimsBuilder.ClaimTypesBuilt.Contains(c.Type)), identity.AuthenticationType, identity.NameClaimType, identity.RoleClaimType);
        refreshed.AddClaims(await services.GetRequiredService<PortalClaimsBuilder>().BuildAsync(user, context.HttpContext.RequestAborted));
        context.ReplacePrincipal(new ClaimsPrincipal(refreshed));
        context.ShouldRenew = true;
    }

    private static async Task EndAsync(CookieValidatePrincipalContext context)
    {
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(context.Scheme.Name);
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
}
