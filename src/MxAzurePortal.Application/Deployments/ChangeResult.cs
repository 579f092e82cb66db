namespace MxAzurePortal.Application.Deployments;

public enum ProblemKind
{
    /// <summary>The cluster, environment, package or job does not exist, or is another organisation's.</summary>
    NotFound = 0,

    /// <summary>The request's shape is wrong (a name, a missing file).</summary>
    Invalid = 1,

    /// <summary>The thing is busy or taken (an active job, a name in use, a cluster not initialized).</summary>
    Conflict = 2,

    /// <summary>The package is refused: not readable, no version, or a Mendix version below the minimum.</summary>
    PackageRefused = 3,

    TooLarge = 4,
}

/// <summary>A broken rule of environments and deployments, for a page's form or an API's problem details.</summary>
public sealed record ChangeProblem(ProblemKind Kind, string Field, string Message);

public sealed record ChangeResult<T>(T? Value, ChangeProblem? Problem)
    where T : class
{
    public static implicit operator ChangeResult<T>(T value) => new(value, null);

    public static implicit operator ChangeResult<T>(ChangeProblem problem) => new(null, problem);
}

internal static class Problems
{
    public static ChangeProblem NotFound(string what) => new(ProblemKind.NotFound, "", $"{what} does not exist in your organisation.");

    public static ChangeProblem Invalid(string field, string message) => new(ProblemKind.Invalid, field, message);

    public static ChangeProblem Conflict(string message) => new(ProblemKind.Conflict, "", message);
}
