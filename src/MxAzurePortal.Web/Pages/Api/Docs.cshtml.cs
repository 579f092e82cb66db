using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using MxAzurePortal.Web.Api;

namespace MxAzurePortal.Web.Pages.Api;

/// <summary>The Deploy API's reference, rendered on the server from the same OpenAPI document tools download.</summary>
[AllowAnonymous]
public sealed class DocsModel([FromKeyedServices(ApiDocument.Name)] IOpenApiDocumentProvider documents) : PageModel
{
    public OpenApiDocument Document { get; private set; } = null!;

    public IReadOnlyList<(string Tag, IReadOnlyList<Operation> Operations)> Sections { get; private set; } = [];

    public sealed record Operation(string Method, string Path, OpenApiOperation Details)
    {
        public string Anchor => Details.OperationId ?? (Method + Path).Replace('/', '-').Replace('{', '-').Replace('}', '-');
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        var operations = (Document.Paths ?? new OpenApiPaths())
            .SelectMany(path => (path.Value.Operations ?? []).Select(op => new Operation(op.Key.Method.ToUpperInvariant(), path.Key, op.Value)))
            .ToList();
        Sections = [.. operations
            .GroupBy(o => o.Details.Tags?.FirstOrDefault()?.Name ?? "Other")
            .Select(g => (g.Key, (IReadOnlyList<Operation>)[.. g.OrderBy(o => o.Path, StringComparer.Ordinal).ThenBy(o => MethodOrder(o.Method))]))];
    }

    private static int MethodOrder(string method) => Array.IndexOf(["GET", "POST", "PUT", "PATCH", "DELETE"], method) is var i and >= 0 ? i : 9;
}
