namespace MxAzurePortal.Application.Compliance;

/// <summary>One resource evaluated against one policy of an initiative, as Azure Policy reports it.</summary>
public sealed record PolicyStateRecord(
    string ResourceId,
    string ComplianceState,
    string PolicyAssignmentId,
    string PolicyDefinitionName,
    string PolicyDefinitionReferenceId,
    IReadOnlyList<string> GroupNames)
{
    public const string Compliant = "Compliant";
    public const string NonCompliant = "NonCompliant";
    public const string Exempt = "Exempt";
}

/// <summary>A documented exception: the policies of an assignment that do not apply at the exemption's scope.</summary>
public sealed record PolicyExemptionRecord(
    string Id,
    string DisplayName,
    string? Description,
    string Category,
    string PolicyAssignmentId,
    IReadOnlyList<string> PolicyDefinitionReferenceIds,
    DateTimeOffset? ExpiresOn)
{
    /// <summary>The scope the exemption was created at: everything at or under it is exempt.</summary>
    public string Scope
    {
        get
        {
            var at = Id.IndexOf("/providers/Microsoft.Authorization/policyExemptions/", StringComparison.OrdinalIgnoreCase);
            return at < 0 ? Id : Id[..at];
        }
    }

    public bool IsExpired(DateTimeOffset now) => ExpiresOn is { } expires && expires <= now;

    /// <summary>Whether the exemption, while in force, covers the policy state (same assignment, policy and scope).</summary>
    public bool Covers(PolicyStateRecord state, DateTimeOffset now) =>
        !IsExpired(now)
        && string.Equals(PolicyAssignmentId, state.PolicyAssignmentId, StringComparison.OrdinalIgnoreCase)
        && (PolicyDefinitionReferenceIds.Count == 0
            || PolicyDefinitionReferenceIds.Contains(state.PolicyDefinitionReferenceId, StringComparer.OrdinalIgnoreCase))
        && (state.ResourceId.Equals(Scope, StringComparison.OrdinalIgnoreCase)
            || state.ResourceId.StartsWith(Scope + "/", StringComparison.OrdinalIgnoreCase));
}
