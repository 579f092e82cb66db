namespace MxAzurePortal.Web.Api;

public static class ApiRouteExtensions
{
    /// <summary>Names who may call the endpoint: its policy, and metadata the OpenAPI document and 403 answers read.</summary>
    public static RouteHandlerBuilder For(this RouteHandlerBuilder endpoint, ApiAccess access) => endpoint
        .RequireAuthorization(access.Policy)
        .WithMetadata(access)
        .ProducesProblem(StatusCodes.Status401Unauthorized)
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status429TooManyRequests);
}
