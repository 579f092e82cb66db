using System.Globalization;
using System.Text;

namespace MxAzurePortal.Application.Support;

/// <summary>The log file a support ticket carries to Mendix Support: redacted, and no bigger than the desk accepts.</summary>
public static class LogBundle
{
    public static string Build(string clusterName, DateTimeOffset collectedAt, IReadOnlyList<string> lines, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(clusterName);
        ArgumentNullException.ThrowIfNull(lines);

        var header = string.Create(
            CultureInfo.InvariantCulture,
            $"""
            Cluster: {clusterName}
            Collected at: {collectedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}
            Lines: {lines.Count}
            Secrets redacted: passwords, keys, tokens and private keys are replaced by {SecretRedactor.Mask}.
            ----

            """);
        var headerBytes = Encoding.UTF8.GetByteCount(header);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBytes, headerBytes);

        // Line by line first; then the whole text, because a private key block spans lines.
        var body = SecretRedactor.Redact(string.Join('\n', lines.Select(SecretRedactor.Redact)));
        return header + SecretRedactor.Cap(body, maxBytes - headerBytes);
    }
}
