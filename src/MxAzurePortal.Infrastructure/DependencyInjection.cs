using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MxAzurePortal.Application.Common;
using MxAzurePortal.Application.Security;
using MxAzurePortal.Infrastructure.Azure;
using MxAzurePortal.Infrastructure.Data;
using MxAzurePortal.Infrastructure.Identity;
using MxAzurePortal.Infrastructure.MendixOnKubernetes;
using MxAzurePortal.Infrastructure.Runs;
using MxAzurePortal.Infrastructure.Zendesk;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Infrastructure;

public static class DependencyInjection
{
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // The provider decides the context type (and so the migrations), so it is read while registering.
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton<TimestampInterceptor>();
        if (database.Provider == DatabaseProvider.SqlServer)
        {
            AddPooledContext<SqlServerPortalDbContext>(services, (sp, options) =>
            {
                PortalDbSetup.UseSqlServer(options, database.ConnectionString ?? "");
                options.AddInterceptors(sp.GetRequiredService<TimestampInterceptor>());
            });
        }
        else
        {
            var file = Path.IsPathRooted(database.SqlitePath) ? database.SqlitePath : Path.Combine(contentRoot, database.SqlitePath);
            AddPooledContext<SqlitePortalDbContext>(services, (sp, options) =>
            {
                PortalDbSetup.UseSqlite(options, file);
                options.AddInterceptors(sp.GetRequiredService<TimestampInterceptor>());
            });
        }

        services.AddScoped<IPortalDb>(sp => sp.GetRequiredService<PortalDbContext>());

        // Keys in the shared database: every portal instance behind the load balancer reads the same cookies.
        var keys = services.AddDataProtection()
            .SetApplicationName("MxAzurePortal")
            .PersistKeysToDbContext<PortalDbContext>();
        var keyProtection = configuration.GetSection(KeyProtectionOptions.SectionName).Get<KeyProtectionOptions>();
        if (!string.IsNullOrWhiteSpace(keyProtection?.CertificatePath))
        {
            keys.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(keyProtection.CertificatePath, keyProtection.CertificatePassword));
        }
        services.AddScoped<PortalClaimsBuilder>();
        services.AddAzureResourceManager();
        services.AddZendesk();
        services.AddHostedService<RunWorker>();
        services.AddHostedService<Updates.ReleaseRolloutWorker>();
        services.AddOptions<MendixOnKubernetesOptions>()
            .BindConfiguration(MendixOnKubernetesOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<HttpMendixOnKubernetes.LastAnswer>();
        services.AddHttpClient<IMendixOnKubernetes, HttpMendixOnKubernetes>(http => http.Timeout = TimeSpan.FromSeconds(5));
        services.AddMendixDeployments();
        return services;
    }

    /// <summary>
    /// The context of a unit of work (a request, a worker's scope) is rented from a pool and handed that scope's
    /// <see cref="TenantScope"/>. Creating a context and its internal services anew cost about a tenth of a page's time.
    /// </summary>
    /// <remarks>
    /// EF Core's scoped pool: the scope's lease returns the context when the scope ends, and the context's own Dispose
    /// does not. That matters because the scope disposes the context once per registration that resolved it
    /// (<see cref="PortalDbContext"/>, <see cref="IPortalDb"/>): with a context that returned itself on Dispose, the
    /// second call could hand back a context another scope had rented meanwhile.
    /// </remarks>
    private static void AddPooledContext<TContext>(IServiceCollection services, Action<IServiceProvider, DbContextOptionsBuilder> configure)
        where TContext : PortalDbContext
    {
        services.AddDbContextPool<TContext>(configure);
        services.AddScoped<PortalDbContext>(sp =>
        {
            var context = sp.GetRequiredService<TContext>();
            context.Tenant = sp.GetRequiredService<TenantScope>();
            return context;
        });
    }
}
