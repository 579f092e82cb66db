using Microsoft.AspNetCore.Diagnostics;
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

    /// <summary>
    /// One log event per request, carrying who made it. A request its client abandoned (the tab closed, the connection
    /// dropped) ends with status 499 at Information: the cancellation that follows is not the portal's failure, and the
    /// request log would otherwise record it as a 500 at Error.
    /// </summary>
    public static IApplicationBuilder UsePortalRequestLogging(this IApplicationBuilder app)
    {
        app.UseSerilogRequestLogging(options =>
        {
            // This host's logger, not the static one another host in the same process may have replaced.
            options.Logger = app.ApplicationServices.GetRequiredService<Serilog.ILogger>();
            options.EnrichDiagnosticContext = (diagnostics, http) =>
            {
                var user = http.RequestServices.GetRequiredService<ICurrentUser>();
                diagnostics.Set("UserId", user.UserId);
                diagnostics.Set("OrganisationId", user.OrganisationId);
            };
        });
        return app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = StatusCodes.Status499ClientClosedRequest;
                    // Nobody is left to read an error page.
                    context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
                }
            }
        });
    }
}
