using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MxAzurePortal.Infrastructure.Zendesk;

public enum WebhookVerdict
{
    Valid,
    MissingSignature,
    Forged,
    Stale,
    Replayed,
}

/// <summary>
/// Checks Zendesk's webhook signature: base64(HMAC-SHA256(secret, timestamp + body)), a timestamp within five minutes
/// of now, and a signature not seen before (a replay inside the window).
/// </summary>
public sealed class ZendeskWebhookVerifier(IOptions<ZendeskOptions> options, TimeProvider clock)
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> seen = new(StringComparer.Ordinal);

    public WebhookVerdict Verify(string? signature, string? timestamp, string body)
    {
        if (string.IsNullOrEmpty(signature) || string.IsNullOrEmpty(timestamp))
        {
            return WebhookVerdict.MissingSignature;
        }

        var expected = Sign(options.Value.WebhookSecret ?? "", timestamp, body);
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(signature)))
        {
            return WebhookVerdict.Forged;
        }

        var now = clock.GetUtcNow();
        if (!DateTimeOffset.TryParse(timestamp, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sent)
            || (now - sent).Duration() > Tolerance)
        {
            return WebhookVerdict.Stale;
        }

        foreach (var (old, at) in seen.Where(s => now - s.Value > Tolerance * 2).ToList())
        {
            seen.TryRemove(old, out _);
        }

        return seen.TryAdd(signature, now) ? WebhookVerdict.Valid : WebhookVerdict.Replayed;
    }

    public static string Sign(string secret, string timestamp, string body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(timestamp + body)));
}
