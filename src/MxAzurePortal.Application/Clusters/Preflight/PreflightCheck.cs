namespace MxAzurePortal.Application.Clusters.Preflight;

public enum CheckOutcome
{
    Passed = 0,
    Warning = 1,
    Failed = 2,
}

/// <summary>One named pre-flight check with what it found, in words a customer can act on.</summary>
public sealed record PreflightCheck(string Name, CheckOutcome Outcome, string Explanation);

public sealed record PreflightReport(DateTimeOffset CheckedAt, IReadOnlyList<PreflightCheck> Checks)
{
    public bool Blocks => Checks.Any(c => c.Outcome == CheckOutcome.Failed);
}
