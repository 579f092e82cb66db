using System.Globalization;
using System.Text;
using MxAzurePortal.Application.Support;

namespace MxAzurePortal.Sandbox.Logs;

/// <summary>
/// The last hour of a Mendix on Azure cluster's logs, the same every time for the same cluster. A few lines leak secrets
/// on purpose, the way real ones do, so the redaction before a support ticket has something to catch.
/// </summary>
public sealed class SandboxClusterLogs(TimeProvider clock) : IClusterLogs
{
    private const int Lines = 180;

    // {0} app, {1} cluster name, {2} a number, {3} a second number.
    private static readonly string[] Mendix =
    [
        "mendix-operator: INFO reconciling MendixApp {0} in namespace mendix",
        "mendix-operator: INFO MendixApp {0} is Ready: {2}/{2} replicas available",
        "mendix-operator: INFO storage plan postgres-{1} provisioned database {0}_{3}",
        "mendix-operator: INFO Secrets mounted: 3",
        "mendix-agent: INFO heartbeat sent to Mendix Portal for cluster {1}, {2} environments",
        "mendix-agent: INFO polling for deployment tasks, none pending",
        "mendix-agent: INFO deployment package {0}-1.{2}.{3}.mda downloaded in {3}0 ms",
    ];

    private static readonly string[] Node =
    [
        "kubelet aks-user-{3}1234-vmss00000{2}: Normal Pulled: Successfully pulled image \"private-cloud.registry.mendix.com/mxapp-{0}:1.{2}.{3}\" in 2.{3}s",
        "kubelet aks-user-{3}1234-vmss00000{2}: Warning BackOff: Back-off restarting failed container sidecar in pod {0}-master-{3}f9c",
        "aks-node aks-system-{3}1234-vmss00000{2}: Normal NodeReady: Node status is now: NodeReady",
        "aks-node aks-user-{3}1234-vmss00000{2}: Normal NodeHasSufficientMemory: Node status is now: NodeHasSufficientMemory",
    ];

    private static readonly string[] Runtime =
    [
        "{0}-master runtime: INFO - Core: Mendix Runtime successfully started, the application is now available.",
        "{0}-master runtime: INFO - M2EE: Received request to start the Mendix runtime",
        "{0}-master runtime: WARNING - ActionManager: Scheduled event 'SE_Cleanup' took {3}{2}2 ms",
        "{0}-worker runtime: INFO - Core: {2} background tasks finished",
    ];

    private static readonly string[] Database =
    [
        "{0}-master runtime: ERROR - ConnectionBus: Opening JDBC connection to pg-{1}.postgres.database.azure.com:5432/{0} failed: FATAL: remaining connection slots are reserved for non-replication superuser connections",
        "{0}-master runtime: ERROR - ConnectionBus: Connection to pg-{1}.postgres.database.azure.com:5432 refused. Check that the hostname and port are correct and that the postmaster is accepting TCP/IP connections.",
    ];

    private static readonly string[] Apps = ["shop", "crm", "intranet"];

    private static readonly string[] Paths = ["/", "/xas/", "/index.html", "/p/login", "/rest/orders/v1/orders", "/file?guid=28147497671065"];

    public Task<IReadOnlyList<string>> GetRecentAsync(Guid clusterId, string clusterName, int maxLines, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLines);
        cancellationToken.ThrowIfCancellationRequested();

        var random = new Random(BitConverter.ToInt32(clusterId.ToByteArray()));
        var now = clock.GetUtcNow();
        var lines = new List<string>();
        for (var i = 0; i < Lines; i++)
        {
            // One line every 20 seconds or so, the last one now; the jitter never reorders them.
            var at = now.AddSeconds(-(Lines - 1 - i) * 20 - (i == Lines - 1 ? 0 : random.NextDouble() * 19));
            var app = Apps[random.Next(Apps.Length)];
            var stamp = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z' ", CultureInfo.InvariantCulture);
            foreach (var message in Messages(i, at, app, clusterName, random))
            {
                lines.Add(stamp + message);
            }
        }

        return Task.FromResult<IReadOnlyList<string>>(lines.TakeLast(maxLines).ToList());
    }

    private static IEnumerable<string> Messages(int index, DateTimeOffset at, string app, string cluster, Random random)
    {
        var storage = $"st{cluster.Replace("-", "", StringComparison.Ordinal)}";
        switch (index)
        {
            case 25:
                return [$"mendix-operator: WARN database check failed for Host=pg-{cluster}.postgres.database.azure.com;Port=5432;Database={app};Username=mxadmin;Password={Text(random, 16)};SslMode=Require"];
            case 60:
                return [$"ingress-nginx: [debug] upstream request headers for {app}.mendixcloud.example: Authorization: Bearer {Jwt(random, cluster)}"];
            case 95:
                return [string.Create(CultureInfo.InvariantCulture, $"mendix-agent: INFO uploading backup to https://{storage}.blob.core.windows.net/backups/{app}.backup?sv=2022-11-02&sr=b&sp=cw&se={at.AddHours(1).UtcDateTime:yyyy-MM-dd'T'HH'%3A'mm'%3A'ss'Z'}&sig={Uri.EscapeDataString(Convert.ToBase64String(Bytes(random, 32)))}")];
            case 120:
                return [$"mendix-operator: DEBUG file storage DefaultEndpointsProtocol=https;AccountName={storage};AccountKey={Convert.ToBase64String(Bytes(random, 64))};EndpointSuffix=core.windows.net"];
            case 150:
                var key = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC" + Convert.ToBase64String(Bytes(random, 168));
                string[] pem = ["ERROR could not load the ingress TLS key, got:", "-----BEGIN PRIVATE KEY-----", .. key.Chunk(64).Select(c => new string(c)), "-----END PRIVATE KEY-----"];
                return pem.Select(line => "mendix-operator: " + line);
        }

        var n = random.Next(1, 9);
        var m = random.Next(1, 9);
        var roll = random.Next(100);
        var templates = roll < 40 ? null : roll < 64 ? Mendix : roll < 76 ? Node : roll < 96 ? Runtime : Database;
        if (templates is null)
        {
            var path = Paths[random.Next(Paths.Length)];
            var status = random.Next(20) == 0 ? 502 : 200;
            return [string.Create(CultureInfo.InvariantCulture,
                $"ingress-nginx: 10.240.0.{n}{m} - - [{at.UtcDateTime:dd/MMM/yyyy:HH:mm:ss} +0000] \"GET {path} HTTP/2.0\" {status} {n * 512 + m} \"-\" \"Mozilla/5.0 (Windows NT 10.0; Win64; x64)\" {n * 31} 0.0{m}{n} [mendix-{app}-8080] [] 10.244.{n}.{m}:8080 {n * 512} 0.0{m}{n} {status} {Convert.ToHexStringLower(Bytes(random, 16))}")];
        }

        return [string.Format(CultureInfo.InvariantCulture, templates[random.Next(templates.Length)], app, cluster, n, m)];
    }

    private static string Jwt(Random random, string cluster)
    {
        static string Part(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = """{"alg":"RS256","typ":"JWT"}""";
        var payload = $$"""{"aud":"https://{{cluster}}.mendixcloud.example","sub":"{{Guid.Empty}}","exp":1767225600}""";
        return $"{Part(Encoding.UTF8.GetBytes(header))}.{Part(Encoding.UTF8.GetBytes(payload))}.{Part(Bytes(random, 256))}";
    }

    private static string Text(Random random, int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"[random.Next(56)]));

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
