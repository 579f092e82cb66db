using Polly.Timeout;

namespace MxAzurePortal.Infrastructure.Zendesk;

/// <summary>
/// Outside the resilience handler: a call whose every attempt ran out of time ends in Polly's
/// <see cref="TimeoutRejectedException"/>, which callers outside Infrastructure do not know. It surfaces as the
/// <see cref="TimeoutException"/> they treat as an outage (the delivery waits and tries again; Refresh says so).
/// </summary>
internal sealed class ZendeskTimeouts : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (TimeoutRejectedException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Zendesk did not answer within {exception.Timeout.TotalSeconds:0.#} s, on any attempt.", exception);
        }
    }
}
