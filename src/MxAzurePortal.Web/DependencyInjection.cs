using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.Web.Api;
using MxAzurePortal.Web.Security;

namespace MxAzurePortal.Web;

public static class DependencyInjection
{
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddPortalAuthentication(configuration);
        services.AddDeployApi();
        services.AddRazorPages(pages =>
        {
            pages.Conventions.ConfigureFilter(new UnmatchedHandlerFilter());
            pages.Conventions.ConfigureFilter(new Pages.UnparsableCheckboxFilter());
            pages.Conventions.AuthorizeFolder("/Clusters", Policies.Customer);
            pages.Conventions.AuthorizeFolder("/Clusters/Manage", Policies.ClusterManager);
            pages.Conventions.AuthorizeFolder("/Support", Policies.Customer);
            pages.Conventions.AuthorizeFolder("/Admin", Policies.Staff);
        });
        services.TryAddSingleton(MxAzurePortal.Application.Security.SignInHints.None);
        services.AddSingleton<CookieTempDataProvider>();
        services.Replace(ServiceDescriptor.Singleton<ITempDataProvider, Pages.QuietTempDataProvider>());
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "MxAzurePortal.Antiforgery";
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return services;
    }
}
