using MxAzurePortal.Application.Compliance;

namespace MxAzurePortal.UnitTests.Application.Compliance;

public sealed class ComplianceSummarizerTests
{
    private const string Group = "/subscriptions/s1/resourceGroups/rg-mx";
    private const string Assignment = Group + "/providers/Microsoft.Authorization/policyAssignments/soc2";
    private const string Storage = Group + "/providers/Microsoft.Storage/storageAccounts/mxdata";
    private const string Grafana = Group + "/providers/Microsoft.Dashboard/grafana/grafana-1";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_control_is_compliant_only_when_every_state_passes_and_non_compliant_when_any_fails()
    {
        PolicyStateRecord[] states =
        [
            State(Storage, "Compliant", "storageTls", "SOC_2_CC6.1", "SOC_2_CC6.7"),
            State(Storage, "Compliant", "storageHttps", "SOC_2_CC6.7"),
            State(Storage, "Compliant", "storagePublic", "SOC_2_CC6.6"),
            State(Grafana, "NonCompliant", "grafanaPublic", "SOC_2_CC6.6"),
        ];

        var summary = ComplianceSummarizer.Summarize(states, [], Now);

        Assert.Equal(["CC6.1", "CC6.6", "CC6.7"], summary.Controls.Select(c => c.Control));
        Assert.Equal(ControlState.Compliant, Control(summary, "CC6.1").State);
        Assert.Equal(ControlState.Compliant, Control(summary, "CC6.7").State);
        Assert.Equal(2, Control(summary, "CC6.7").Evaluations);
        var exposed = Control(summary, "CC6.6");
        Assert.Equal(ControlState.NonCompliant, exposed.State);
        var finding = Assert.Single(exposed.NonCompliant);
        Assert.Equal(new PolicyFinding(Grafana, "def-grafanaPublic", "grafanaPublic"), finding);
        Assert.Equal((2, 1, 0), (summary.Compliant, summary.NonCompliant, summary.Exempt));
    }

    [Fact]
    public void An_exemption_in_force_makes_a_failing_control_exempt_and_is_listed_with_it()
    {
        var waiver = Exemption("waiver", ["grafanaPublic"], expiresOn: Now.AddDays(30));
        PolicyStateRecord[] states = [State(Grafana, "NonCompliant", "grafanaPublic", "SOC_2_CC6.6"), State(Storage, "Compliant", "storagePublic", "SOC_2_CC6.6")];

        var summary = ComplianceSummarizer.Summarize(states, [waiver], Now);

        var control = Assert.Single(summary.Controls);
        Assert.Equal(ControlState.Exempt, control.State);
        Assert.Empty(control.NonCompliant);
        Assert.Equal([waiver], control.Exemptions);
        Assert.Equal([waiver], summary.Exemptions);
        Assert.Equal((0, 0, 1), (summary.Compliant, summary.NonCompliant, summary.Exempt));
    }

    [Fact]
    public void An_expired_exemption_is_listed_but_no_longer_covers_anything()
    {
        var expired = Exemption("old", ["grafanaPublic"], expiresOn: Now.AddMinutes(-1));

        var summary = ComplianceSummarizer.Summarize([State(Grafana, "NonCompliant", "grafanaPublic", "SOC_2_CC6.6")], [expired], Now);

        Assert.Equal(ControlState.NonCompliant, Assert.Single(summary.Controls).State);
        Assert.True(Assert.Single(summary.Exemptions).IsExpired(Now));
    }

    [Fact]
    public void An_exemption_covers_only_its_own_policies_scope_and_assignment()
    {
        var otherPolicy = Exemption("other-policy", ["storagePublic"]);
        var otherResource = Exemption("other-resource", [], scope: Storage);
        var otherAssignment = Exemption("other-assignment", [], assignment: Group + "/providers/Microsoft.Authorization/policyAssignments/iso27001");

        var summary = ComplianceSummarizer.Summarize(
            [State(Grafana, "NonCompliant", "grafanaPublic", "SOC_2_CC6.6")], [otherPolicy, otherResource, otherAssignment], Now);

        Assert.Equal(ControlState.NonCompliant, Assert.Single(summary.Controls).State);
        Assert.Equal(["other-policy", "other-resource"], summary.Exemptions.Select(e => e.DisplayName));
    }

    [Fact]
    public void A_state_Azure_reports_as_exempt_counts_as_exempt_and_an_unevaluated_one_as_unknown()
    {
        PolicyStateRecord[] states =
        [
            State(Storage, "Exempt", "storageTls", "SOC_2_CC6.7"),
            State(Storage, "Compliant", "storageHttps", "SOC_2_CC6.7"),
            State(Grafana, "Unknown", "grafanaPublic", "SOC_2_CC6.6"),
            State(Storage, "Compliant", "storagePublic", "SOC_2_CC6.6"),
        ];

        var summary = ComplianceSummarizer.Summarize(states, [], Now);

        Assert.Equal(ControlState.Exempt, Control(summary, "CC6.7").State);
        Assert.Equal(ControlState.Unknown, Control(summary, "CC6.6").State);
        Assert.Equal((0, 0, 1, 1), (summary.Compliant, summary.NonCompliant, summary.Exempt, summary.Unknown));
    }

    [Fact]
    public void No_states_means_no_controls_and_no_exceptions()
    {
        var summary = ComplianceSummarizer.Summarize([], [Exemption("unrelated", [])], Now);

        Assert.Empty(summary.Controls);
        Assert.Empty(summary.Exemptions);
        Assert.Equal((0, 0, 0), (summary.Compliant, summary.NonCompliant, summary.Exempt));
    }

    [Fact]
    public void Controls_are_ordered_as_the_criteria_number_them()
    {
        PolicyStateRecord[] states =
        [
            State(Storage, "Compliant", "a", "SOC_2_CC6.10"),
            State(Storage, "Compliant", "b", "SOC_2_CC7.1"),
            State(Storage, "Compliant", "c", "SOC_2_CC6.2"),
            State(Storage, "Compliant", "d", "SOC_2_A1.2"),
        ];

        var summary = ComplianceSummarizer.Summarize(states, [], Now);

        Assert.Equal(["A1.2", "CC6.2", "CC6.10", "CC7.1"], summary.Controls.Select(c => c.Control));
    }

    private static ControlSummary Control(ComplianceSummary summary, string control) => summary.Controls.Single(c => c.Control == control);

    private static PolicyStateRecord State(string resource, string compliance, string reference, params string[] groups) =>
        new(resource, compliance, Assignment, "def-" + reference, reference, groups);

    private static PolicyExemptionRecord Exemption(
        string name, string[] references, DateTimeOffset? expiresOn = null, string scope = Group, string assignment = Assignment) =>
        new($"{scope}/providers/Microsoft.Authorization/policyExemptions/{name}", name, "why", "Waiver", assignment, references, expiresOn);
}
