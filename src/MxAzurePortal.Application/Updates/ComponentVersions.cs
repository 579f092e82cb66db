using System.Text.RegularExpressions;

namespace MxAzurePortal.Application.Updates;

/// <summary>The versions of the components Mendix upgrades: AKS's Kubernetes, the Mendix Operator and the Mendix Agent.</summary>
public sealed partial record ComponentVersions(string Kubernetes, string Operator, string Agent)
{
    /// <summary>What a cluster is initialized with while no release has been published yet.</summary>
    public static ComponentVersions Baseline { get; } = new("1.31.2", "2.21.1", "2.21.1");

    /// <summary>Kubernetes as AKS names it: 1.minor.patch, such as 1.31.2.</summary>
    public static bool IsKubernetesVersion(string? value) => value is not null && KubernetesFormat().IsMatch(value);

    /// <summary>An extension version: major.minor.patch, such as 2.21.1.</summary>
    public static bool IsExtensionVersion(string? value) => value is not null && ExtensionFormat().IsMatch(value);

    /// <summary>Compares two versions of one of the formats above, number by number.</summary>
    public static int Compare(string left, string right) => Version.Parse(left).CompareTo(Version.Parse(right));

    public static int MinorOf(string version) => Version.Parse(version).Minor;

    public override string ToString() => $"Kubernetes {Kubernetes}, Mendix Operator {Operator}, Mendix Agent {Agent}";

    [GeneratedRegex(@"^1\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex KubernetesFormat();

    [GeneratedRegex(@"^\d{1,3}\.\d{1,3}\.\d{1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ExtensionFormat();
}
