using System.Text;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.UnitTests.Application.Support;

public sealed class SecretRedactorTests
{
    // Token-shaped values are glued together at compile time so that secret scanners do not flag this file.
    private static readonly string AccountKey = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)(i * 37 + 11)).ToArray());
    private const string Jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9" + ".eyJzdWIiOiIxMjM0NTY3ODkwIiwiYXVkIjoibXgifQ" + ".c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private const string GitHubToken = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private const string SlackToken = "xox" + "b-2048-4096-AbCdEfGhIjKlMnOp";
    private const string AwsKeyId = "AKIA" + "IOSFODNN7EXAMPLE";

    /// <summary>Text with a secret, the secret that must be gone, and the key name that must stay (null when there is none).</summary>
    public static TheoryData<string, string, string?> Secrets => new()
    {
        { "login failed: password=hunter2 user=alice", "hunter2", "password=" },
        { "Password: S3cr3t!", "S3cr3t!", "Password: " },
        { """{"user":"alice","password": "p@ss w0rd"}""", "p@ss w0rd", "\"password\": \"" },
        { "DB_PASSWORD=Xy9!abcdef", "Xy9!abcdef", "DB_PASSWORD=" },
        { "passwd=letmein99", "letmein99", "passwd=" },
        { "pwd: qwerty123", "qwerty123", "pwd: " },
        { "grant_type=client_credentials&client_id=portal&client_secret=abcDEF123456&scope=api", "abcDEF123456", "client_secret=" },
        { """{"clientId":"portal","clientSecret":"Zx8-secret-value"}""", "Zx8-secret-value", "\"clientSecret\":\"" },
        { "AZURE_CLIENT_SECRET='s3cr3t value'", "s3cr3t value", "AZURE_CLIENT_SECRET='" },
        { "secret: my-secret-value", "my-secret-value", "secret: " },
        { "api_key: 0123abcd", "0123abcd", "api_key: " },
        { "GET /v1/orders?apikey=abcdef0123456789&format=json", "abcdef0123456789", "apikey=" },
        { "X-Api-Key: 9f8e7d6c5b4a", "9f8e7d6c5b4a", "X-Api-Key: " },
        { """{"api-key": "k-123456"}""", "k-123456", "\"api-key\": \"" },
        { "access_key = AbCdEf123", "AbCdEf123", "access_key = " },
        { "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = " },
        { "token=abc.def.ghi123", "abc.def.ghi123", "token=" },
        { """{"token_type":"Bearer","access_token":"opaque-token-value-123"}""", "opaque-token-value-123", "\"access_token\":\"" },
        { "refresh_token: 1//0gAbCdEfGh", "1//0gAbCdEfGh", "refresh_token: " },
        { "auth=supersecret", "supersecret", "auth=" },
        { "X-Auth-Token: t0k3n-value", "t0k3n-value", "X-Auth-Token: " },
        { "mx-admin --password hunter2 --verbose", "hunter2", "--password " },
        { "az ad sp create --client-secret \"with space\"", "with space", "--client-secret " },
        { "java -Djavax.net.ssl.keyStorePassword=changeit -jar runtime.jar", "changeit", "keyStorePassword=" },
        { """payload "{\"user\":\"alice\",\"password\":\"escaped-secret\"}" """, "escaped-secret", "\\\"password\\\":\\\"" },
        { "<settings><Password>xmlSecret1</Password></settings>", "xmlSecret1", "<Password>" },
        { ":password => 'ruby-secret'", "ruby-secret", ":password => '" },
        { "PGPASSWORD=pg-secret psql -h pg.example.com", "pg-secret", "PGPASSWORD=" },
        { "Server=tcp:sql.database.windows.net,1433;Database=mx;User ID=mx;Password=P@ss w0rd;Encrypt=True", "P@ss w0rd", "Password=" },
        { "Host=pg.example.com;Username=mendix;Pwd=pgSecret9;SslMode=Require", "pgSecret9", "Pwd=" },
        { "Host=pg.example.com;Password='semi;colon';Database=mx", "semi;colon", "Password='" },
        { $"DefaultEndpointsProtocol=https;AccountName=stmx;AccountKey={AccountKey};EndpointSuffix=core.windows.net", AccountKey, "AccountKey=" },
        { "Endpoint=sb://mx.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=Qm9ndXNLZXlGb3JUZXN0czEyMzQ1Njc4OTA=", "Qm9ndXNLZXlGb3JUZXN0czEyMzQ1Njc4OTA=", "SharedAccessKey=" },
        { "connecting to postgres://mendix:pgP4ss@pg.example.com:5432/mendix", "pgP4ss", "postgres://mendix:" },
        { "pulling from https://admin:adm1n!p@ss@registry.example.com/v2/", "adm1n!p@ss", "https://admin:" },
        { $"Authorization: Bearer {Jwt}", Jwt, "Authorization: Bearer " },
        { """{"headers":{"Authorization":"Bearer opaque123456"}}""", "opaque123456", "\"Authorization\":\"Bearer " },
        { "authorization: Basic dXNlcjpwYXNzd29yZA==", "dXNlcjpwYXNzd29yZA==", "Basic " },
        { "Authorization: SharedKey stmx:c2lnbmF0dXJl", "stmx:c2lnbmF0dXJl", "Authorization: " },
        { "retrying with Basic YWRtaW46czNjcjN0", "YWRtaW46czNjcjN0", "Basic " },
        { "using Bearer 4f9a8b7c6d5e4f3a2b1c0d9e", "4f9a8b7c6d5e4f3a2b1c0d9e", "Bearer " },
        { $"received {Jwt} from the identity provider", Jwt, null },
        { "GET https://stmx.blob.core.windows.net/c/b.zip?sv=2022-11-02&se=2026-05-01T09%3A00%3A00Z&sr=b&sp=r&sig=AbC%2Bdef%2Fghi%3D", "AbC%2Bdef%2Fghi%3D", "sig=" },
        { "SharedAccessSignature=sv=2022-11-02&ss=b&sig=c2lnbmF0dXJlLXZhbHVl", "c2lnbmF0dXJlLXZhbHVl", "sig=" },
        { """{"url":"https://stmx.blob.core.windows.net/c/b.zip?sv=2022-11-02\u0026sp=r\u0026sig=AbCdEfSecret1234%2B\u0026se=2026"}""", "AbCdEfSecret1234", "sig=" },
        { "next=https%3A%2F%2Fstmx.blob.core.windows.net%2Fc%3Fsv%3D2022-11-02%26sig%3DAbCdEfSecret5678%2F%3D%26sp%3Dr", "AbCdEfSecret5678%2F%3D", "sig%3D" },
        { $"callback?state=1%26id_token%3D{Jwt}%26scope%3Dopenid", Jwt, null },
        { $"Authorization%3A%20Bearer%20{Jwt}", Jwt, null },
        { "client_id%3Dportal%26client_secret%3DAbcSecret99%26scope%3Dapi", "AbcSecret99", "client_secret%3D" },
        { "STATEMENT:  CREATE USER mx WITH ENCRYPTED PASSWORD 'Kx9-secret'", "Kx9-secret", "PASSWORD '" },
        { "LOG:  statement: ALTER ROLE mendix PASSWORD 'n3w''p4ss';", "n3w''p4ss", "PASSWORD '" },
        { $"rotated storage key {AccountKey} at 08:00", AccountKey, null },
        { $"pushed with {GitHubToken} by ci", GitHubToken, null },
        { "cloning with github_pat_" + "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", "11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz", null },
        { $"notifying Slack with {SlackToken}", SlackToken, null },
        { $"aws credentials {AwsKeyId} loaded", AwsKeyId, null },
        { "entra app secret Abc" + "8Q~abcdefghijklmnopqrstuvwxyz0123456 expires soon", "8Q~abcdefghijklmnopqrstuvwxyz0123456", null },
    };

    public static TheoryData<string> HarmlessLines => new()
    {
        "password policy updated",
        "token bucket refilled: 10 tokens available",
        "mendix-operator: INFO Secrets mounted: 3",
        "cluster 3f2504e0-4f89-11d3-9a0c-0305e82c3301 reconciled",
        "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-mx/providers/Microsoft.ContainerService/managedClusters/aks-mx",
        "2026-05-01T08:00:00.000Z shop-master runtime: INFO - Core: Mendix Runtime successfully started, the application is now available.",
        "ingress-nginx: 10.240.0.7 - - [01/May/2026:08:00:01 +0000] \"GET /xas/ HTTP/2.0\" 200 512 \"-\" \"Mozilla/5.0\" 0.012 [mendix-shop-8080]",
        "Basic authentication is disabled for the app",
        "Bearer tokens are validated by the ingress",
        "passwordless sign-in enabled for 12 users",
        "Pulled image sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 in 2.3s",
        "token_type: Bearer, expires_in: 3599",
        "Authorization header missing on request to /api/orders",
        "Endpoint=sb://mx.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;EntityPath=events",
        "redirecting to https://shop.example.com:443/p/login?next=/home",
        "Password reset email sent to user 42",
        "Kubernetes Secret mendix-db created in namespace mendix",
    };

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_secret_is_masked_once_and_its_key_name_kept(string text, string secret, string? keyName)
    {
        var redacted = SecretRedactor.Redact(text);

        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
        if (keyName is not null)
        {
            Assert.Contains(keyName + SecretRedactor.Mask, redacted, StringComparison.Ordinal);
        }

        Assert.Equal(redacted, SecretRedactor.Redact(redacted));
    }

    [Theory]
    [MemberData(nameof(HarmlessLines))]
    public void A_line_without_secrets_comes_out_unchanged(string line) =>
        Assert.Equal(line, SecretRedactor.Redact(line));

    [Fact]
    public void The_rest_of_a_connection_string_stays_readable()
    {
        var redacted = SecretRedactor.Redact("Server=tcp:sql.example.com,1433;Database=mx;User ID=mx;Password=P@ss;Encrypt=True");

        Assert.Equal("Server=tcp:sql.example.com,1433;Database=mx;User ID=mx;Password=[REDACTED];Encrypt=True", redacted);
    }

    [Fact]
    public void A_sas_url_keeps_its_expiry_and_permissions()
    {
        var redacted = SecretRedactor.Redact("https://stmx.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-05-01T09%3A00%3A00Z&sp=r&sig=AbC%2Bdef");

        Assert.Equal("https://stmx.blob.core.windows.net/c/b?sv=2022-11-02&se=2026-05-01T09%3A00%3A00Z&sp=r&sig=[REDACTED]", redacted);
    }

    public static TheoryData<string> PrivateKeyBlocks => new()
    {
        "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----",
        "-----BEGIN RSA PRIVATE KEY-----\r\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\r\n-----END RSA PRIVATE KEY-----",
        "-----BEGIN EC PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END EC PRIVATE KEY-----",
        "-----BEGIN OPENSSH PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END OPENSSH PRIVATE KEY-----",
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END ENCRYPTED PRIVATE KEY-----",
        """{"tls.key":"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n-----END PRIVATE KEY-----\n"}""",
        "08:00:01 op: -----BEGIN PRIVATE KEY-----\n08:00:01 op: MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n08:00:01 op: -----END PRIVATE KEY-----",
        """{"tls.key":"-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1""",
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGZMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n=Ab12\n-----END PGP PRIVATE KEY BLOCK-----",
    };

    [Theory]
    [MemberData(nameof(PrivateKeyBlocks))]
    public void A_private_key_block_becomes_one_mask_across_lines(string block)
    {
        var redacted = SecretRedactor.Redact("before\n" + block + "\nafter");

        Assert.DoesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("-----BEGIN", redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.PrivateKeyMask, redacted, StringComparison.Ordinal);
        Assert.StartsWith("before\n", redacted, StringComparison.Ordinal);
        Assert.EndsWith("\nafter", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void A_private_key_cut_off_at_the_start_of_the_log_window_is_still_masked()
    {
        var redacted = SecretRedactor.Redact(
            "08:00:01 op: MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\n"
            + "08:00:01 op: MzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n"
            + "08:00:01 op: -----END PRIVATE KEY-----\n08:00:02 op: INFO ready");

        Assert.Equal(SecretRedactor.PrivateKeyMask + "\n08:00:02 op: INFO ready", redacted);
    }

    [Fact]
    public void A_private_key_cut_off_at_the_end_of_the_log_window_is_still_masked()
    {
        var redacted = SecretRedactor.Redact(
            "08:00:00 op: INFO loading key\n08:00:01 op: -----BEGIN PRIVATE KEY-----\n"
            + "08:00:01 op: MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj");

        Assert.Equal("08:00:00 op: INFO loading key\n08:00:01 op: " + SecretRedactor.PrivateKeyMask, redacted);
    }

    [Fact]
    public void A_lone_begin_line_is_left_for_the_whole_text_pass()
    {
        // LogBundle redacts line by line before the whole text; a lone marker must survive so the block is still found.
        Assert.Equal("op: -----BEGIN PRIVATE KEY-----", SecretRedactor.Redact("op: -----BEGIN PRIVATE KEY-----"));
    }

    [Fact]
    public void Text_within_the_limit_is_returned_unchanged()
    {
        const string text = "line 1\nline 2\n";

        Assert.Equal(text, SecretRedactor.Cap(text, 1000));
        Assert.Equal(text, SecretRedactor.Cap(text, Encoding.UTF8.GetByteCount(text)));
    }

    [Fact]
    public void Text_over_the_limit_keeps_the_most_recent_whole_lines_after_a_note()
    {
        var text = string.Join('\n', Enumerable.Range(0, 100).Select(i => $"line {i:D3}"));

        var capped = SecretRedactor.Cap(text, 200);

        var lines = capped.Split('\n');
        Assert.True(Encoding.UTF8.GetByteCount(capped) <= 200);
        Assert.Equal($"[... {100 - (lines.Length - 1)} earlier lines omitted to stay within the size limit ...]", lines[0]);
        Assert.Equal("line 099", lines[^1]);
        Assert.All(lines.Skip(1), line => Assert.Matches(@"^line \d{3}$", line));
        Assert.EndsWith(string.Join('\n', lines.Skip(1)), text, StringComparison.Ordinal);
    }

    [Fact]
    public void Capping_takes_as_many_lines_as_fit()
    {
        var lines = Enumerable.Range(0, 10).Select(i => $"line {i} of the log, long enough to need capping").ToList();
        var note = "[... 7 earlier lines omitted to stay within the size limit ...]";
        var expected = note + "\n" + string.Join('\n', lines.TakeLast(3));
        var limit = Encoding.UTF8.GetByteCount(expected);

        Assert.Equal(expected, SecretRedactor.Cap(string.Join('\n', lines), limit));
        Assert.Equal(
            "[... 8 earlier lines omitted to stay within the size limit ...]\n" + string.Join('\n', lines.TakeLast(2)),
            SecretRedactor.Cap(string.Join('\n', lines), limit - 1));
    }

    [Fact]
    public void Capping_never_cuts_a_multi_byte_character()
    {
        // "€" is three bytes and "😀" four; a byte cut anywhere inside the last lines would split one.
        var text = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"{i} price 5€ 😀 ünïcödé"));
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        for (var limit = 100; limit < 400; limit++)
        {
            var capped = SecretRedactor.Cap(text, limit);
            var bytes = strict.GetBytes(capped);

            Assert.True(bytes.Length <= limit, $"{bytes.Length} bytes over the limit of {limit}");
            Assert.Equal(capped, strict.GetString(bytes));
            Assert.DoesNotContain("\uFFFD", capped, StringComparison.Ordinal);
            Assert.EndsWith(capped[(capped.IndexOf('\n', StringComparison.Ordinal) + 1)..], text, StringComparison.Ordinal);
            Assert.StartsWith("[... ", capped, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_single_line_says_line_not_lines()
    {
        var capped = SecretRedactor.Cap(new string('x', 100) + "\nsecond", 80);

        Assert.Equal("[... 1 earlier line omitted to stay within the size limit ...]\nsecond", capped);
    }

    [Fact]
    public void A_trailing_newline_survives_capping()
    {
        var capped = SecretRedactor.Cap(new string('x', 100) + "\nc\nd\n", 80);

        Assert.Equal("[... 1 earlier line omitted to stay within the size limit ...]\nc\nd\n", capped);
    }

    [Fact]
    public void A_last_line_too_long_to_fit_is_left_out_rather_than_cut()
    {
        var capped = SecretRedactor.Cap("short\n" + new string('x', 500), 100);

        Assert.Equal("[... 2 earlier lines omitted to stay within the size limit ...]", capped);
    }

    [Fact]
    public void A_limit_too_small_for_the_note_gives_nothing() =>
        Assert.Equal(string.Empty, SecretRedactor.Cap("some log text", 5));
}
