using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace MxAzurePortal.Sandbox.Arm;

public sealed record ArmFaultRecord(int Status, string Method, string Path);

public sealed partial class ArmSimulator
{
    private readonly Lock chaosGate = new();
    private readonly ConcurrentQueue<ArmFaultRecord> faults = new();
    private Random? chaos;

    /// <summary>The requests the chaos answered with a fault, in order.</summary>
    public IReadOnlyCollection<ArmFaultRecord> Faults => faults.ToArray();

    /// <summary>With <see cref="ArmSimulatorOptions.FaultRate"/> set, answers a share of requests with a fault ARM really gives.</summary>
    private (int Status, JsonNode? Json, Dictionary<string, string> Headers)? Fault(string method, string path)
    {
        if (Options.FaultRate <= 0)
        {
            return null;
        }

        int pick;
        lock (chaosGate)
        {
            chaos ??= new Random(Options.FaultSeed);
            if (chaos.NextDouble() >= Options.FaultRate)
            {
                return null;
            }

            pick = chaos.Next(4);
        }

        var headers = new Dictionary<string, string>();
        var (status, code, message) = pick switch
        {
            0 => (409, "AnotherOperationInProgress", "Another operation on this or dependent resource is in progress. Retry the request later."),
            1 => (429, "TooManyRequests", "The request is being throttled. Retry after the time in the Retry-After header."),
            2 => (500, "InternalServerError", "Encountered internal server error."),
            _ => (503, "ServiceUnavailable", "The service is temporarily unavailable. Retry the request later."),
        };
        if (status == 429)
        {
            var wait = Math.Max(Options.RetryAfterMilliseconds, 0);
            headers["Retry-After"] = ((int)Math.Ceiling(wait / 1000.0)).ToString(CultureInfo.InvariantCulture);
            headers["retry-after-ms"] = wait.ToString(CultureInfo.InvariantCulture);
        }

        faults.Enqueue(new ArmFaultRecord(status, method, path));
        return (status, Error(code, message), headers);
    }
}
