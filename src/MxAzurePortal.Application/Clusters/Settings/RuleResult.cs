namespace MxAzurePortal.Application.Clusters.Settings;

/// <summary>One broken rule: <see cref="Field"/> is the <see cref="ClusterSettings"/> property a page marks.</summary>
public sealed record RuleError(string Field, string Message);

/// <summary>
/// The answer of a business rule, in words a customer can act on. Pages copy the errors into ModelState;
/// exceptions stay for bugs and outages.
/// </summary>
public sealed class RuleResult
{
    private RuleResult(IReadOnlyList<RuleError> errors) => Errors = errors;

    public static RuleResult Ok { get; } = new([]);

    public IReadOnlyList<RuleError> Errors { get; }

    public bool IsValid => Errors.Count == 0;

    public static RuleResult Fail(string field, string message) => new([new RuleError(field, message)]);

    public static RuleResult From(IEnumerable<RuleError> errors)
    {
        IReadOnlyList<RuleError> list = [.. errors];
        return list.Count == 0 ? Ok : new RuleResult(list);
    }

    public static RuleResult Combine(params RuleResult[] results) => From(results.SelectMany(r => r.Errors));
}
