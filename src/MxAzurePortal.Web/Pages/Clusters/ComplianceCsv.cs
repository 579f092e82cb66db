using System.Globalization;
using MxAzurePortal.Application.Compliance;

namespace MxAzurePortal.Web.Pages.Clusters;

/// <summary>The Compliance page's export: a row per control, or per failing resource and policy of a non-compliant one.</summary>
public static class ComplianceCsv
{
    public static readonly IReadOnlyList<string?> Header =
    [
        "Cluster", "Control", "Policy group", "State", "Resource", "Policy definition", "Policy reference",
        "Exemption", "Exemption category", "Exemption expires (UTC)",
    ];

    public static string Write(string clusterName, ComplianceSummary summary) =>
        Csv.Write([Header, .. summary.Controls.SelectMany(control => Rows(clusterName, control))]);

    private static IEnumerable<IReadOnlyList<string?>> Rows(string clusterName, ControlSummary control)
    {
        var exemptions = control.Exemptions;
        string?[] Row(PolicyFinding? finding) =>
        [
            clusterName, control.Control, control.GroupName, ControlStateDisplay.Label(control.State),
            finding?.ResourceId, finding?.PolicyDefinitionName, finding?.PolicyDefinitionReferenceId,
            string.Join("; ", exemptions.Select(e => e.DisplayName)),
            string.Join("; ", exemptions.Select(e => e.Category)),
            string.Join("; ", exemptions.Select(e => e.ExpiresOn?.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "never")),
        ];

        return control.NonCompliant.Count == 0 ? [Row(null)] : control.NonCompliant.Select(Row);
    }
}
