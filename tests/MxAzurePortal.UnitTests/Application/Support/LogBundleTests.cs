using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using MxAzurePortal.Application.Support;
using MxAzurePortal.Sandbox.Logs;

namespace MxAzurePortal.UnitTests.Application.Support;

public sealed class LogBundleTests
{
    private static readonly DateTimeOffset Now = new(2026, 5, 1, 10, 0, 0, TimeSpan.FromHours(2));

    private static readonly Guid ClusterId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");

    /// <summary>How each kind of secret the sandbox leaks is found in raw lines: the secret is the "secret" group.</summary>
    public static TheoryData<string, string> SecretKinds => new()
    {
        { "connection string password", @"Password=(?!\[REDACTED)(?<secret>[^;]+);" },
        { "bearer token", @"Authorization: Bearer (?<secret>eyJ\S+)" },
        { "SAS signature", @"[?&]sig=(?!\[REDACTED)(?<secret>[^&\s]+)" },
        { "storage account key", @"AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)" },
        { "private key", @"(?<secret>-----BEGIN PRIVATE KEY-----)" },
    };

    [Fact]
    public void The_header_names_the_cluster_the_utc_time_the_line_count_and_the_redaction()
    {
        var bundle = LogBundle.Build("mx-prod", Now, ["first", "second"], 10_000);

        Assert.StartsWith("Cluster: mx-prod\nCollected at: 2026-05-01T08:00:00Z\nLines: 2\n", bundle, StringComparison.Ordinal);
        Assert.Contains("Secrets redacted", bundle, StringComparison.Ordinal);
        Assert.EndsWith("\nfirst\nsecond", bundle, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bundle_over_the_limit_keeps_the_header_and_the_latest_lines()
    {
        var lines = Enumerable.Range(0, 1000).Select(i => $"line {i} with a password=secret{i}").ToList();

        var bundle = LogBundle.Build("mx-prod", Now, lines, 4096);

        Assert.True(Encoding.UTF8.GetByteCount(bundle) <= 4096);
        Assert.StartsWith("Cluster: mx-prod\n", bundle, StringComparison.Ordinal);
        Assert.Contains("earlier lines omitted to stay within the size limit", bundle, StringComparison.Ordinal);
        Assert.EndsWith("line 999 with a password=[REDACTED]", bundle, StringComparison.Ordinal);
        Assert.DoesNotContain("secret9", bundle, StringComparison.Ordinal);
    }

    [Fact]
    public void A_limit_smaller_than_the_header_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => LogBundle.Build("mx-prod", Now, ["line"], 20));

    [Fact]
    public void A_private_key_logged_line_by_line_is_masked_as_one_block()
    {
        string[] lines =
        [
            "08:00:00 op: ERROR could not load the key:",
            "08:00:00 op: -----BEGIN RSA PRIVATE KEY-----",
            "08:00:00 op: MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj",
            "08:00:00 op: -----END RSA PRIVATE KEY-----",
            "08:00:01 op: INFO ready",
        ];

        var bundle = LogBundle.Build("mx-prod", Now, lines, 10_000);

        Assert.EndsWith("\n08:00:00 op: ERROR could not load the key:\n08:00:00 op: [REDACTED PRIVATE KEY]\n08:00:01 op: INFO ready", bundle, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(SecretKinds))]
    public async Task The_sandbox_leaks_each_kind_of_secret_and_the_bundle_carries_none(string kind, string pattern)
    {
        var lines = await SandboxLogs(ClusterId);

        var leaks = lines.Select(line => Regex.Match(line, pattern)).Where(m => m.Success).ToList();
        var bundle = LogBundle.Build("mx-prod", Now, lines, 1_000_000);

        Assert.True(leaks.Count > 0, $"The sandbox logs have no {kind}.");
        Assert.DoesNotMatch(pattern, bundle);
        Assert.All(leaks, leak => Assert.DoesNotContain(leak.Groups["secret"].Value, bundle, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Every_line_of_a_sandbox_private_key_is_gone_from_the_bundle()
    {
        var lines = await SandboxLogs(ClusterId);
        var body = lines
            .SkipWhile(line => !line.Contains("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal))
            .Skip(1)
            .TakeWhile(line => !line.Contains("-----END PRIVATE KEY-----", StringComparison.Ordinal))
            .Select(line => line[(line.LastIndexOf(' ') + 1)..])
            .ToList();

        var bundle = LogBundle.Build("mx-prod", Now, lines, 1_000_000);

        Assert.True(body.Count >= 3, "The sandbox private key should span several lines.");
        Assert.All(body, part => Assert.DoesNotContain(part, bundle, StringComparison.Ordinal));
        Assert.Contains(SecretRedactor.PrivateKeyMask, bundle, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sandbox_logs_cover_the_last_hour_oldest_first_and_end_now()
    {
        var lines = await SandboxLogs(ClusterId);

        var stamps = lines.Select(line => DateTimeOffset.Parse(line[..24], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Now, stamps[^1]);
        Assert.InRange(Now - stamps[0], TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
        Assert.Equal(stamps.Order(), stamps);
        Assert.Contains(lines, line => line.Contains("INFO - Core: Mendix Runtime successfully started", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("ingress-nginx: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("mendix-operator: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("mendix-agent: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sandbox_logs_are_the_same_for_the_same_cluster_and_differ_between_clusters()
    {
        Assert.Equal(await SandboxLogs(ClusterId), await SandboxLogs(ClusterId));
        Assert.NotEqual(await SandboxLogs(ClusterId), await SandboxLogs(Guid.Parse("9b2c6a1e-0000-4000-8000-000000000001")));
    }

    [Fact]
    public async Task Sandbox_logs_give_at_most_the_lines_asked_for_and_the_latest_ones()
    {
        var all = await SandboxLogs(ClusterId);
        var logs = new SandboxClusterLogs(new FakeTimeProvider(Now));

        var latest = await logs.GetRecentAsync(ClusterId, "mx-prod", 10, CancellationToken.None);

        Assert.Equal(all.TakeLast(10), latest);
    }

    private static Task<IReadOnlyList<string>> SandboxLogs(Guid clusterId) =>
        new SandboxClusterLogs(new FakeTimeProvider(Now)).GetRecentAsync(clusterId, "mx-prod", 10_000, CancellationToken.None);
}
