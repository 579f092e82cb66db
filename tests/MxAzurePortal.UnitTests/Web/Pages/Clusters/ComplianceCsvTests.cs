using MxAzurePortal.Application.Compliance;
using MxAzurePortal.Web.Pages.Clusters;

namespace MxAzurePortal.UnitTests.Web.Pages.Clusters;

public sealed class ComplianceCsvTests
{
    [Fact]
    public void A_non_compliant_control_has_a_row_per_failing_resource_and_policy_and_others_one_row()
    {
        var waiver = new PolicyExemptionRecord("/x/providers/Microsoft.Authorization/policyExemptions/w", "=cmd|' /C calc'!A0", null, "Waiver",
            "a", ["aks"], new DateTimeOffset(2027, 1, 2, 3, 4, 0, TimeSpan.Zero));
        var summary = new ComplianceSummary(
        [
            new ControlSummary("SOC_2_CC6.1", ControlState.Exempt, 2, [], [waiver]),
            new ControlSummary("SOC_2_CC6.6", ControlState.NonCompliant, 3,
                [new PolicyFinding("/rg/grafana-1", "e8775d5a", "grafanaPublic"), new PolicyFinding("/rg/pg-1", "5e1de0e3", "postgresPublic")], []),
        ], [waiver]);

        var lines = ComplianceCsv.Write("contoso-prod", summary).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Cluster,Control,Policy group,State,Resource,Policy definition,Policy reference,Exemption,Exemption category,Exemption expires (UTC)", lines[0]);
        Assert.Equal("contoso-prod,CC6.1,SOC_2_CC6.1,Exempt,,,,'=cmd|' /C calc'!A0,Waiver,2027-01-02 03:04", lines[1]);
        Assert.Equal("contoso-prod,CC6.6,SOC_2_CC6.6,Non-compliant,/rg/grafana-1,e8775d5a,grafanaPublic,,,", lines[2]);
        Assert.Equal("contoso-prod,CC6.6,SOC_2_CC6.6,Non-compliant,/rg/pg-1,5e1de0e3,postgresPublic,,,", lines[3]);
        Assert.Equal(4, lines.Length);
    }
}
