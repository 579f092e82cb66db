using System.ComponentModel.DataAnnotations;

namespace MxAzurePortal.Sandbox;

/// <summary>
/// The <c>Sandbox</c> section. When enabled (the embedded default), the portal seeds demo accounts and talks to
/// the simulators of Azure and Zendesk. Production leaves it off.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>The documented default password of every demo account.</summary>
    public const string DefaultDemoPassword = "Mendix-on-Azure-1";

    public bool Enabled { get; set; }

    [Required]
    [MinLength(8)]
    public string DemoPassword { get; set; } = DefaultDemoPassword;

    /// <summary>Whether the demo organisations each get a cluster, initialized at start-up through the same runs as any other.</summary>
    public bool DemoClusters { get; set; } = true;

    /// <summary>The loopback port of the simulators' server; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int ServerPort { get; set; }

    /// <summary>
    /// The address of simulators served by another process (e.g. a test harness whose simulated Azure and Zendesk must
    /// outlive the portal's crashes); when set, the portal starts no simulators of its own and routes to these.
    /// </summary>
    [Url]
    public string? ServerUrl { get; set; }
}
