namespace MxAzurePortal.Sandbox.Zendesk;

/// <summary>The <c>Sandbox:Zendesk</c> section: the Zendesk simulator and the faults it injects.</summary>
public sealed class ZendeskSimulatorOptions
{
    public const string SectionName = "Sandbox:Zendesk";

    /// <summary>The https address the portal is given; the sandbox routes it to the simulator on loopback.</summary>
    public const string PublicEndpoint = "https://mendix-sandbox.zendesk.invalid";

    /// <summary>Every API call answers 503 while true, as during an outage.</summary>
    public bool Down { get; set; }

    /// <summary>The share of API calls that fail (0 to 1), with a mode picked from <see cref="FailureModes"/>.</summary>
    public double FailureRate { get; set; }

    /// <summary>Any of "500", "429", "timeout" (answers after <see cref="TimeoutMilliseconds"/>), "lost" (does the work, then answers 500),
    /// "garbled" (answers 200 with an HTML page and does nothing).</summary>
    public List<string> FailureModes { get; set; } = ["500", "429", "timeout", "lost"];

    public int Seed { get; set; } = 42;

    public int TimeoutMilliseconds { get; set; } = 3000;

    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>
    /// How long every API call takes: half before the work and half after it, so a caller that gives up or dies
    /// mid-call may or may not have had its ticket created (0: answers at once).
    /// </summary>
    public int LatencyMilliseconds { get; set; }
}
