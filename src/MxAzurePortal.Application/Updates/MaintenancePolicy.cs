namespace MxAzurePortal.Application.Updates;

/// <summary>How Mendix on Azure keeps clusters up to date: the same for every customer, and not changeable by them.</summary>
public static class MaintenancePolicy
{
    public static IReadOnlyList<string> Lines { get; } =
    [
        "Components (Kubernetes, the Mendix Operator and the Mendix Agent) are upgraded quarterly by Mendix and Microsoft.",
        "Node OS security patches are applied weekly through the AKS NodeImage channel.",
        "Critical patches to the Mendix Operator and Agent are applied as soon as possible, at the latest by the end of the quarter.",
        "Each release is listed here with its date before it starts; afterwards each cluster's outcome is listed here too.",
    ];

    public const string NotChangeable = "This cadence is part of the service and cannot be changed per cluster.";
}
