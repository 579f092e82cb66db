using MxAzurePortal.Application.Security;
using Serilog;
using Serilog.Formatting.Compact;

namespace MxAzurePortal.Web.Operations;

public static class Logging
{
    /// <summary>Serilog: readable console in development, compact JSON (one event a line) elsewhere.</summary>
    public static WebApplicationBuilder AddPortalLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddSerilog((services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();
            if (development)
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
        return builder;
    }

    /// <summary>One log event per request, carrying who made it.</summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(options => options.EnrichDiagnosticContext = (diagnostics, http) =>
        {
            var user = http.RequestServices.GetRequiredService<ICurrentUser>();
            diagnostics.Set("UserId", user.UserId);
            diagnostics.Set("OrganisationId", user.OrganisationId);
        });
}
