namespace MxAzurePortal.Application.Compliance;

/// <summary>
/// Turns an initiative's policy states into per-control results: a control is non-compliant when any of its
/// policies fails on a resource that no exemption covers, exempt when nothing fails and an exemption applies,
/// compliant when every policy passes.
/// </summary>
public static class ComplianceSummarizer
{
    public static ComplianceSummary Summarize(
        IReadOnlyCollection<PolicyStateRecord> states, IReadOnlyCollection<PolicyExemptionRecord> exemptions, DateTimeOffset now)
    {
        // Only exemptions of the initiative's own assignments are its documented exceptions.
        var assignments = states.Select(s => s.PolicyAssignmentId).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var relevant = exemptions.Where(e => assignments.Contains(e.PolicyAssignmentId))
            .OrderBy(e => e.DisplayName, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var controls = states
            .SelectMany(state => state.GroupNames.Select(group => (Group: group, State: state)))
            .GroupBy(x => x.Group, StringComparer.OrdinalIgnoreCase)
            .Select(group => Control(group.Key, [.. group.Select(x => x.State)], relevant, now))
            .OrderBy(c => c.Control, ControlOrder.Instance)
            .ToList();
        return new ComplianceSummary(controls, relevant);
    }

    private static ControlSummary Control(
        string group, List<PolicyStateRecord> states, List<PolicyExemptionRecord> exemptions, DateTimeOffset now)
    {
        var findings = new List<PolicyFinding>();
        var covering = new List<PolicyExemptionRecord>();
        var exempt = false;
        var unknown = false;
        foreach (var state in states)
        {
            var by = exemptions.Where(e => e.Covers(state, now)).ToList();
            if (by.Count > 0 || Is(state, PolicyStateRecord.Exempt))
            {
                exempt = true;
                covering.AddRange(by);
            }
            else if (Is(state, PolicyStateRecord.NonCompliant))
            {
                findings.Add(new PolicyFinding(state.ResourceId, state.PolicyDefinitionName, state.PolicyDefinitionReferenceId));
            }
            else if (!Is(state, PolicyStateRecord.Compliant))
            {
                unknown = true;
            }
        }

        var result = findings.Count > 0 ? ControlState.NonCompliant
            : unknown ? ControlState.Unknown
            : exempt ? ControlState.Exempt
            : ControlState.Compliant;
        return new ControlSummary(group, result, states.Count, [.. findings.Distinct()], [.. covering.Distinct()]);
    }

    private static bool Is(PolicyStateRecord state, string complianceState) =>
        string.Equals(state.ComplianceState, complianceState, StringComparison.OrdinalIgnoreCase);
}
