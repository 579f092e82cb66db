using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Infrastructure.Zendesk;

public static class ZendeskSetup
{
    public static IServiceCollection AddZendesk(this IServiceCollection services)
    {
        services.AddOptions<ZendeskOptions>()
            .BindConfiguration(ZendeskOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<ITicketDesk, ZendeskTicketDesk>((sp, http) =>
            {
                var zendesk = sp.GetRequiredService<IOptions<ZendeskOptions>>().Value;
                http.BaseAddress = zendesk.GetRoot();
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{zendesk.AgentEmail}/token:{zendesk.ApiToken}"));
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .AddHttpMessageHandler(() => new ZendeskTimeouts())
            .AddResilienceHandler("zendesk", (pipeline, context) =>
            {
                var zendesk = context.ServiceProvider.GetRequiredService<IOptions<ZendeskOptions>>().Value;
                var attempt = TimeSpan.FromSeconds(zendesk.AttemptTimeoutSeconds);
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = Math.Max(1, zendesk.MaxRetries),
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                    ShouldRetryAfterHeader = true,
                });
                pipeline.AddTimeout(attempt);
            });
        services.AddHostedService<TicketDeliveryWorker>();
        services.AddHostedService<TicketSyncWorker>();
        services.AddSingleton<ZendeskWebhookVerifier>();
        services.AddScoped<IClusterLogs, RunLogClusterLogs>();
        return services;
    }
}
