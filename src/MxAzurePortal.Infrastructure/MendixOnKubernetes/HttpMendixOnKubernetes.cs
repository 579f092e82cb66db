using Microsoft.Extensions.Options;
using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Infrastructure.MendixOnKubernetes;

/// <summary>Probes the configured health URL of Mendix on Kubernetes, remembering the answer briefly.</summary>
public sealed class HttpMendixOnKubernetes(
    HttpClient http, IOptions<MendixOnKubernetesOptions> options, TimeProvider clock, HttpMendixOnKubernetes.LastAnswer last)
    : IMendixOnKubernetes
{
    public async Task<ServiceAvailability> GetAvailabilityAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (last.Value is { } cached && now - cached.CheckedAt < TimeSpan.FromSeconds(options.Value.CacheSeconds))
        {
            return cached;
        }

        ServiceAvailability answer;
        try
        {
            using var response = await http.GetAsync(options.Value.HealthUrl!, cancellationToken);
            answer = response.IsSuccessStatusCode
                ? new ServiceAvailability(true, "healthy", now)
                : new ServiceAvailability(false, $"its health check answered {(int)response.StatusCode}", now);
        }
        catch (HttpRequestException exception)
        {
            answer = new ServiceAvailability(false, $"its health check could not be reached: {exception.Message}", now);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            answer = new ServiceAvailability(false, "its health check timed out", now);
        }

        last.Value = answer;
        return answer;
    }

    /// <summary>The latest answer, shared by the short-lived typed clients (a singleton).</summary>
    public sealed class LastAnswer
    {
        public ServiceAvailability? Value { get; set; }
    }
}
