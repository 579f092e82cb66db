namespace MxAzurePortal.Application.ApiTokens;

/// <summary>What a token may do. Reads and writes are separate: a pipeline that deploys and follows its jobs needs both.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,

    /// <summary><c>deployment:read</c>: clusters, namespaces, environments, packages and jobs.</summary>
    DeploymentRead = 1,

    /// <summary><c>deployment:write</c>: create, change and delete environments, upload packages, deploy.</summary>
    DeploymentWrite = 2,
}

/// <summary>The scopes as the API names them, in tokens' claims and in the OpenAPI document.</summary>
public static class ApiScopeNames
{
    public const string DeploymentRead = "deployment:read";
    public const string DeploymentWrite = "deployment:write";

    public static IReadOnlyList<string> Of(ApiScopes scopes)
    {
        var names = new List<string>();
        if (scopes.HasFlag(ApiScopes.DeploymentRead))
        {
            names.Add(DeploymentRead);
        }

        if (scopes.HasFlag(ApiScopes.DeploymentWrite))
        {
            names.Add(DeploymentWrite);
        }

        return names;
    }
}
