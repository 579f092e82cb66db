using MxAzurePortal.Application.Clusters;

namespace MxAzurePortal.Application.Compliance;

public enum ControlState
{
    Compliant,
    NonCompliant,

    /// <summary>Nothing is non-compliant and at least one policy is covered by an exemption.</summary>
    Exempt,

    /// <summary>Some policy is neither compliant, non-compliant nor exempt (not evaluated yet, conflicting, an error).</summary>
    Unknown,
}

/// <summary>A resource that fails a policy of a control.</summary>
public sealed record PolicyFinding(string ResourceId, string PolicyDefinitionName, string PolicyDefinitionReferenceId);

/// <summary>One control of the initiative (a policy definition group such as <c>SOC_2_CC6.1</c>) and how the resources meet it.</summary>
public sealed record ControlSummary(
    string GroupName,
    ControlState State,
    int Evaluations,
    IReadOnlyList<PolicyFinding> NonCompliant,
    IReadOnlyList<PolicyExemptionRecord> Exemptions)
{
    private const string Soc2Prefix = "SOC_2_";

    /// <summary>The control as the SOC 2 criteria name it: CC6.1 for SOC_2_CC6.1.</summary>
    public string Control => GroupName.StartsWith(Soc2Prefix, StringComparison.OrdinalIgnoreCase) ? GroupName[Soc2Prefix.Length..] : GroupName;
}

public sealed record ComplianceSummary(IReadOnlyList<ControlSummary> Controls, IReadOnlyList<PolicyExemptionRecord> Exemptions)
{
    public int Compliant => Count(ControlState.Compliant);

    public int NonCompliant => Count(ControlState.NonCompliant);

    public int Exempt => Count(ControlState.Exempt);

    public int Unknown => Count(ControlState.Unknown);

    private int Count(ControlState state) => Controls.Count(c => c.State == state);
}

/// <summary>A cluster's compliance summary, or why there is none: not initialized yet, or Azure could not be read.</summary>
public sealed record ClusterCompliance(ClusterHeader Cluster, DateTimeOffset ReadAt, ComplianceSummary? Summary, string? Problem)
{
    public bool NotInitialized => Cluster.Status == ClusterStatus.ReadyToInitialize;
}
