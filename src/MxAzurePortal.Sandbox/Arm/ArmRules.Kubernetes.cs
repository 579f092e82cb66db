using System.Globalization;
using System.Text.Json.Nodes;

namespace MxAzurePortal.Sandbox.Arm;

internal static partial class ArmRules
{
    /// <summary>
    /// AKS changes a cluster's Kubernetes version one minor version up at a time and never down; it refuses anything
    /// else at once with OperationNotAllowed, as AKS does.
    /// </summary>
    private static (string Code, string Message)? KubernetesUpgrade(JsonObject? current, JsonObject desired)
    {
        var from = current?["properties"]?["kubernetesVersion"]?.GetValue<string>();
        var to = desired["properties"]?["kubernetesVersion"]?.GetValue<string>();
        if (from is null || to is null || from == to || !Version.TryParse(from, out var before) || !Version.TryParse(to, out var after))
        {
            return null;
        }

        if (after < before)
        {
            return ("OperationNotAllowed", $"Downgrading Kubernetes version {from} to {to} is not allowed.");
        }

        var next = string.Create(CultureInfo.InvariantCulture, $"{before.Major}.{before.Minor + 1}");
        return after.Major != before.Major || after.Minor > before.Minor + 1
            ? ("OperationNotAllowed",
                $"Upgrading Kubernetes version {from} to {to} is not allowed. Available upgrades: [{next}.x, {before.Major}.{before.Minor}.x]. " +
                "For more information, see AKS supported Kubernetes versions.")
            : null;
    }
}
