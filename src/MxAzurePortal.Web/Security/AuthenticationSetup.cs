using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Identity.Web;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.Infrastructure.Identity;

namespace MxAzurePortal.Web.Security;

public static class AuthenticationSetup
{
    public const string LoginPath = "/Identity/Account/Login";
    public const string AccessDeniedPath = "/Identity/Account/AccessDenied";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PortalAuthenticationOptions>()
            .BindConfiguration(PortalAuthenticationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var provider = configuration.GetSection(PortalAuthenticationOptions.SectionName)
            .GetValue(nameof(PortalAuthenticationOptions.Provider), SignInProvider.Local);

        services.AddHttpContextAccessor();
        services.AddScoped<Application.Security.ICurrentUser, HttpCurrentUser>();

        if (provider == SignInProvider.EntraId)
        {
            AddEntraId(services, configuration);
        }
        else
        {
            AddLocalAccounts(services);
        }

        services.AddPortalAuthorization();
        return services;
    }

    private static void AddLocalAccounts(IServiceCollection services)
    {
        services.AddIdentity<PortalUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                options.Password.RequiredLength = 8;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddClaimsPrincipalFactory<PortalUserClaimsPrincipalFactory>()
            .AddDefaultTokenProviders();

        // A removed membership or a locked account takes effect within a minute, not at cookie expiry.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = LoginPath;
            cookie.LogoutPath = "/Identity/Account/Logout";
            cookie.AccessDeniedPath = AccessDeniedPath;
            cookie.Cookie.Name = "MxAzurePortal.Auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.Events.OnValidatePrincipal = ValidateSecurityStampWhenDue;
            RedirectHtmxWholePage(cookie);
        });
    }

    private static void RedirectHtmxWholePage(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions cookie)
    {
        var toLogin = cookie.Events.OnRedirectToLogin;
        cookie.Events.OnRedirectToLogin = context =>
            HtmxChallenge.RedirectWholePage(context.HttpContext, StatusCodes.Status401Unauthorized) ? Task.CompletedTask : toLogin(context);
        var toAccessDenied = cookie.Events.OnRedirectToAccessDenied;
        cookie.Events.OnRedirectToAccessDenied = context =>
            HtmxChallenge.RedirectWholePage(context.HttpContext, StatusCodes.Status403Forbidden) ? Task.CompletedTask : toAccessDenied(context);
    }

    /// <summary>
    /// Identity's own handler builds the security stamp validator (sign-in manager, user manager, user store) on every
    /// request only to find, almost always, that the cookie was checked less than a minute ago. The same test of the
    /// cookie's age is made here first, with the validator's own clock and interval; the validator runs when it is due.
    /// </summary>
    private static Task ValidateSecurityStampWhenDue(Microsoft.AspNetCore.Authentication.Cookies.CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityStampValidatorOptions>>().Value;
        var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
        return context.Properties.IssuedUtc is { } issued && now - issued <= options.ValidationInterval
            ? Task.CompletedTask
            : SecurityStampValidator.ValidatePrincipalAsync(context);
    }

    private static void AddEntraId(IServiceCollection services, IConfiguration configuration)
    {
        // Portal users are still recorded (memberships point at them), but nobody has a local password.
        services.AddIdentityCore<PortalUser>(o => o.User.RequireUniqueEmail = true)
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddSignInManager();
        services.AddScoped<EntraSignIn>();

        services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme)
            .AddMicrosoftIdentityWebApp(configuration.GetSection("AzureAd"));
        services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, oidc =>
        {
            var toIdentityProvider = oidc.Events.OnRedirectToIdentityProvider;
            oidc.Events.OnRedirectToIdentityProvider = context =>
            {
                if (HtmxChallenge.RedirectWholePage(context.HttpContext, StatusCodes.Status401Unauthorized))
                {
                    context.HandleResponse();
                    return Task.CompletedTask;
                }

                return toIdentityProvider(context);
            };
            var validated = oidc.Events.OnTokenValidated;
            oidc.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                var signIn = context.HttpContext.RequestServices.GetRequiredService<EntraSignIn>();
                if (context.Principal is null || !await signIn.AddPortalClaimsAsync(context.Principal))
                {
                    context.Fail("The account could not be recorded in the portal.");
                }
            };
        });
        services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme,
            cookie =>
            {
                cookie.AccessDeniedPath = AccessDeniedPath;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                EntraSessions.Configure(cookie);
                RedirectHtmxWholePage(cookie);
            });
    }
}
