using MxAzurePortal.Application.Deployments;

namespace MxAzurePortal.Web.Api;

/// <summary>RFC 9457 problem details for the API. Each <c>type</c> points at its explanation on the reference page.</summary>
public static class ApiProblems
{
    public const string TypeBase = "/api/docs#problem-";

    public static Task Write(HttpContext context, int status, string title, string detail, string code, IDictionary<string, object?>? extensions = null) =>
        Problem(status, title, detail, code, extensions).ExecuteAsync(context);

    public static IResult Problem(int status, string title, string detail, string code, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, type: TypeBase + code, extensions: extensions);

    public static IResult NotFound(string what) =>
        Problem(StatusCodes.Status404NotFound, "Not found", $"{what} does not exist in your organisation.", "not-found");

    /// <summary>A refused change, by its kind: 404, 400, 409, 422 (package refused) or 413.</summary>
    public static IResult From(ChangeProblem problem) => problem.Kind switch
    {
        ProblemKind.NotFound => Problem(StatusCodes.Status404NotFound, "Not found", problem.Message, "not-found"),
        ProblemKind.Conflict => Problem(StatusCodes.Status409Conflict, "Conflict", problem.Message, "conflict"),
        ProblemKind.PackageRefused => Problem(StatusCodes.Status422UnprocessableEntity, "Package refused", problem.Message, "package-refused"),
        ProblemKind.TooLarge => Problem(StatusCodes.Status413PayloadTooLarge, "Package too large", problem.Message, "too-large"),
        _ => Problem(StatusCodes.Status400BadRequest, "Invalid request", problem.Message, "invalid",
            problem.Field.Length == 0 ? null : new Dictionary<string, object?> { ["field"] = ToCamel(problem.Field) }),
    };

    private static string ToCamel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
